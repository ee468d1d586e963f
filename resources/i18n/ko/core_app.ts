<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.app</name>
    <message>
        <source>built {date}</source>
        <comment>build.built_on</comment>
        <translation>{date} 빌드</translation>
    </message>
    <message>
        <source>CPU build</source>
        <comment>build.cpu</comment>
        <translation>CPU 빌드</translation>
    </message>
    <message>
        <source>CUDA {cuda} build</source>
        <comment>build.cuda</comment>
        <translation>CUDA {cuda} 빌드</translation>
    </message>
    <message>
        <source>CUDA build</source>
        <comment>build.cuda_plain</comment>
        <translation>CUDA 빌드</translation>
    </message>
    <message>
        <source>This computer has an NVIDIA GPU; the CUDA build of SM6 Design Studio would use it.</source>
        <comment>build.note.cpu_build_has_gpu</comment>
        <translation>이 컴퓨터에는 NVIDIA GPU가 있습니다. SM6 Design Studio의 CUDA 빌드를 설치하면 이 GPU를 사용합니다.</translation>
    </message>
    <message>
        <source>This is the CUDA build, but no NVIDIA GPU can be used here, so it runs on the CPU; the CPU build is smaller.</source>
        <comment>build.note.cuda_build_no_gpu</comment>
        <translation>CUDA 빌드이지만 이 컴퓨터에서는 사용할 수 있는 NVIDIA GPU가 없어 CPU에서 실행됩니다. CPU 빌드가 더 작습니다.</translation>
    </message>
    <message>
        <source>{packager} package</source>
        <comment>build.packaged_by</comment>
        <translation>{packager} 패키지</translation>
    </message>
    <message>
        <source>Run from source</source>
        <comment>build.source</comment>
        <translation>소스에서 실행</translation>
    </message>
    <message>
        <source>Unknown build (its description cannot be read; see the log)</source>
        <comment>build.unknown</comment>
        <translation>알 수 없는 빌드(빌드 설명을 읽을 수 없습니다. 로그를 확인하세요)</translation>
    </message>
    <message>
        <source>The build description</source>
        <comment>build.what.file</comment>
        <translation>빌드 설명 파일</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <comment>cli.argparse.ambiguous</comment>
        <translation>모호한 옵션: {option}은(는) {matches} 중 어느 것이든 될 수 있습니다</translation>
    </message>
    <message>
        <source>argument {argument_name}: {message}</source>
        <comment>cli.argparse.argument</comment>
        <translation>인수 {argument_name}: {message}</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <comment>cli.argparse.expected_at_least_one</comment>
        <translation>값이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <comment>cli.argparse.expected_at_most_one</comment>
        <translation>값은 하나까지만 줄 수 있습니다</translation>
    </message>
    <message>
        <source>expected {count} arguments</source>
        <comment>cli.argparse.expected_count_many</comment>
        <translation>값이 {count}개 필요합니다</translation>
    </message>
    <message>
        <source>expected {count} argument</source>
        <comment>cli.argparse.expected_count_one</comment>
        <translation>값이 {count}개 필요합니다</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <comment>cli.argparse.expected_one</comment>
        <translation>값이 하나 필요합니다</translation>
    </message>
    <message>
        <source>ignored explicit argument {argument}</source>
        <comment>cli.argparse.ignored_explicit</comment>
        <translation>무시된 값: {argument}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <comment>cli.argparse.invalid_choice</comment>
        <translation>잘못된 선택: {value} ({choices} 중에서 고르세요)</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <comment>cli.argparse.invalid_value</comment>
        <translation>올바른 {type} 값이 아닙니다: {value}</translation>
    </message>
    <message>
        <source>not allowed with argument {argument}</source>
        <comment>cli.argparse.not_allowed_with</comment>
        <translation>{argument} 인수와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>one of the arguments {arguments} is required</source>
        <comment>cli.argparse.one_required</comment>
        <translation>{arguments} 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>options</source>
        <comment>cli.argparse.options</comment>
        <translation>옵션</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <comment>cli.argparse.positional_arguments</comment>
        <translation>위치 인수</translation>
    </message>
    <message>
        <source>the following arguments are required: {arguments}</source>
        <comment>cli.argparse.required</comment>
        <translation>다음 인수가 필요합니다: {arguments}</translation>
    </message>
    <message>
        <source>unexpected option string: {option}</source>
        <comment>cli.argparse.unexpected_option</comment>
        <translation>예상하지 못한 옵션: {option}</translation>
    </message>
    <message>
        <source>unknown command {parser_name} (choose from {choices})</source>
        <comment>cli.argparse.unknown_parser</comment>
        <translation>알 수 없는 명령 {parser_name} ({choices} 중에서 고르세요)</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <comment>cli.argparse.unrecognized</comment>
        <translation>알 수 없는 인수: {arguments}</translation>
    </message>
    <message>
        <source>usage: </source>
        <comment>cli.argparse.usage</comment>
        <translation>사용법: </translation>
    </message>
    <message>
        <source>cancelled.</source>
        <comment>cli.cancelled</comment>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>--control {text} is not MODEL[:STRENGTH] with a strength from 0 to {high:g}, e.g. --control canny-sd15:0.8.</source>
        <comment>cli.control_format</comment>
        <translation>--control {text}은(는) MODEL[:STRENGTH] 형식이 아니거나 강도가 0부터 {high:g}까지가 아닙니다. 예: --control canny-sd15:0.8.</translation>
    </message>
    <message>
        <source>The ControlNet '{wanted}' is not installed. --control takes a ControlNet's id as `sm6-studio doctor` lists it, or the path of an installed one.</source>
        <comment>cli.controlnet_not_installed</comment>
        <translation>'{wanted}' ControlNet이 설치되어 있지 않습니다. --control에는 `sm6-studio doctor` 목록에 나오는 ControlNet ID나 설치된 ControlNet의 경로를 주세요.</translation>
    </message>
    <message>
        <source>The ControlNet '{addon}' is made for {its_family} models, but {model} is {family}: choose a ControlNet made for {family}.</source>
        <comment>cli.controlnet_other_family</comment>
        <translation>'{addon}' ControlNet은 {its_family} 모델용이지만 {model}은(는) {family} 모델입니다. {family}용 ControlNet을 고르세요.</translation>
    </message>
    <message>
        <source>Copied {count} PNGs to {folder}</source>
        <comment>cli.copied_many</comment>
        <translation>PNG {count}개를 {folder}에 복사했습니다</translation>
    </message>
    <message>
        <source>Copied 1 PNG to {folder}</source>
        <comment>cli.copied_one</comment>
        <translation>PNG 1개를 {folder}에 복사했습니다</translation>
    </message>
    <message>
        <source>The designs are saved in the library, but copying them to {folder} failed ({reason}).</source>
        <comment>cli.copy_out_failed</comment>
        <translation>디자인은 라이브러리에 저장했지만 {folder}(으)로 복사하지 못했습니다({reason}).</translation>
    </message>
    <message>
        <source>something went wrong inside the app. Please try again.</source>
        <comment>cli.crash_try_again</comment>
        <translation>앱 내부에서 문제가 발생했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>something went wrong inside the app. The details are in {where}; send that file to support.</source>
        <comment>cli.crash_with_details</comment>
        <translation>앱 내부에서 문제가 발생했습니다. 자세한 내용은 {where}에 있습니다. 이 파일을 지원팀에 보내 주세요.</translation>
    </message>
    <message>
        <source>No other model is installed, so the demo model, built just now, is used. It makes abstract images: run `sm6-studio doctor` to see where to put a Stable Diffusion model.</source>
        <comment>cli.demo_model_built</comment>
        <translation>다른 모델이 설치되어 있지 않아 방금 만든 데모 모델을 사용합니다. 데모 모델은 추상적인 이미지를 만듭니다. Stable Diffusion 모델을 어디에 두어야 하는지 보려면 `sm6-studio doctor`를 실행하세요.</translation>
    </message>
    <message>
        <source>No other model is installed, so the demo model is used. It makes abstract images: run `sm6-studio doctor` to see where to put a Stable Diffusion model.</source>
        <comment>cli.demo_model_installed</comment>
        <translation>다른 모델이 설치되어 있지 않아 설치된 데모 모델을 사용합니다. 데모 모델은 추상적인 이미지를 만듭니다. Stable Diffusion 모델을 어디에 두어야 하는지 보려면 `sm6-studio doctor`를 실행하세요.</translation>
    </message>
    <message>
        <source>{name} is made for few steps: using {steps} steps, guidance {guidance:g} and the {sampler} sampler where --steps, --guidance or --sampler do not say otherwise.</source>
        <comment>cli.few_step_defaults</comment>
        <translation>{name}은(는) 고속 모델입니다. --steps, --guidance, --sampler로 따로 정하지 않은 값은 단계 {steps}, 가이던스 {guidance:g}, {sampler} 샘플러를 사용합니다.</translation>
    </message>
    <message>
        <source>--from {text} is a folder. Give the path of a sketch or photo.</source>
        <comment>cli.from_is_folder</comment>
        <translation>--from {text}은(는) 폴더입니다. 스케치나 사진 파일의 경로를 주세요.</translation>
    </message>
    <message>
        <source>--from {text}: there is no such file. Give base, a design id, or the path of a sketch or photo.</source>
        <comment>cli.from_no_such_file</comment>
        <translation>--from {text}: 그런 파일이 없습니다. base, 디자인 ID, 또는 스케치나 사진 파일의 경로를 주세요.</translation>
    </message>
    <message>
        <source>--from {text} is not an ordinary file (a device or a pipe, say). Give the path of a sketch or photo.</source>
        <comment>cli.from_not_a_file</comment>
        <translation>--from {text}은(는) 일반 파일이 아닙니다(장치나 파이프 등). 스케치나 사진 파일의 경로를 입력하세요.</translation>
    </message>
    <message>
        <source>Generating {count} designs with {model}</source>
        <comment>cli.generating_many</comment>
        <translation>{model}(으)로 디자인 {count}개를 생성하는 중</translation>
    </message>
    <message>
        <source>Generating 1 design with {model}</source>
        <comment>cli.generating_one</comment>
        <translation>{model}(으)로 디자인 1개를 생성하는 중</translation>
    </message>
    <message>
        <source>Hashing {model}…</source>
        <comment>cli.hashing_model</comment>
        <translation>{model}의 해시를 계산하는 중…</translation>
    </message>
    <message>
        <source>1..8 variations with consecutive seeds</source>
        <comment>cli.help.batch</comment>
        <translation>1..8: 연속된 시드로 만들 변형 수</translation>
    </message>
    <message>
        <source>guide the shape with an installed ControlNet (its id or path), strength 0..2 (default 1)</source>
        <comment>cli.help.control</comment>
        <translation>설치된 ControlNet(ID 또는 경로)으로 형태를 가이드합니다. 강도 0..2 (기본값 1)</translation>
    </message>
    <message>
        <source>final decoder: vae (the model's own) or taesd (fast, a little softer)</source>
        <comment>cli.help.decoder</comment>
        <translation>최종 디코더: vae(모델 자체) 또는 taesd(빠르지만 조금 부드러움)</translation>
    </message>
    <message>
        <source>Design your own Renault SM6 with local Stable Diffusion.</source>
        <comment>cli.help.description</comment>
        <translation>로컬 Stable Diffusion으로 나만의 Renault SM6를 디자인합니다.</translation>
    </message>
    <message>
        <source>report torch, device, models and data folders for a support call</source>
        <comment>cli.help.doctor</comment>
        <translation>지원 문의용으로 torch, 장치, 모델, 데이터 폴더 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>start from 'base' (the SM6 artwork), a design id to refine, or the path of a sketch or photo</source>
        <comment>cli.help.from</comment>
        <translation>시작점: 'base'(SM6 기본 아트워크), 다듬을 디자인 ID, 또는 스케치나 사진 파일의 경로</translation>
    </message>
    <message>
        <source>generate designs headless (uses the demo model when no other is installed)</source>
        <comment>cli.help.generate</comment>
        <translation>창 없이 디자인을 생성합니다 (다른 모델이 없으면 데모 모델 사용)</translation>
    </message>
    <message>
        <source>0..30: how closely to follow the words (default 7)</source>
        <comment>cli.help.guidance</comment>
        <translation>0..30: 입력한 문장을 얼마나 충실히 따를지 (기본값 7)</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <comment>cli.help.help</comment>
        <translation>이 도움말을 보여 주고 끝냅니다</translation>
    </message>
    <message>
        <source>what the ControlNet is given: edges or depth (default: what the ControlNet expects)</source>
        <comment>cli.help.hint</comment>
        <translation>ControlNet에 줄 입력: edges(윤곽선) 또는 depth(깊이) (기본값: 그 ControlNet이 기대하는 입력)</translation>
    </message>
    <message>
        <source>0..0.95: how much of the starting image to keep</source>
        <comment>cli.help.keep_shape</comment>
        <translation>0..0.95: 시작 이미지의 형태를 얼마나 유지할지</translation>
    </message>
    <message>
        <source>open the window in showroom kiosk mode</source>
        <comment>cli.help.kiosk</comment>
        <translation>쇼룸 키오스크 모드로 창을 엽니다</translation>
    </message>
    <message>
        <source>apply an installed LoRA (its id or path) with a weight -2..2 (default 1); repeatable</source>
        <comment>cli.help.lora</comment>
        <translation>설치된 LoRA(ID 또는 경로)를 가중치 -2..2(기본값 1)로 적용합니다. 여러 번 줄 수 있습니다</translation>
    </message>
    <message>
        <source>body: repaint the car's body, keep the scene; scene: repaint the scene, keep the car (SM6 art)</source>
        <comment>cli.help.mask</comment>
        <translation>body: 차체만 다시 그리고 배경 유지, scene: 배경만 다시 그리고 차 유지 (SM6 아트워크)</translation>
    </message>
    <message>
        <source>model id as listed by `sm6-studio doctor`, or the path of an installed model</source>
        <comment>cli.help.model</comment>
        <translation>`sm6-studio doctor`에 나오는 모델 ID 또는 설치된 모델의 경로</translation>
    </message>
    <message>
        <source>what to avoid</source>
        <comment>cli.help.negative</comment>
        <translation>피하고 싶은 것</translation>
    </message>
    <message>
        <source>also copy the PNGs into this folder</source>
        <comment>cli.help.out</comment>
        <translation>PNG를 이 폴더에도 복사합니다</translation>
    </message>
    <message>
        <source>style preset id (see `sm6-studio presets`)</source>
        <comment>cli.help.preset</comment>
        <translation>스타일 프리셋 ID (`sm6-studio presets` 참고)</translation>
    </message>
    <message>
        <source>list the style presets</source>
        <comment>cli.help.presets</comment>
        <translation>스타일 프리셋 목록을 보여 줍니다</translation>
    </message>
    <message>
        <source>your words, e.g. "pearl white with gold trim"</source>
        <comment>cli.help.prompt</comment>
        <translation>원하는 문장, 예: "골드 트림의 펄 화이트"</translation>
    </message>
    <message>
        <source>sampler: {choices} (default {default})</source>
        <comment>cli.help.sampler</comment>
        <translation>샘플러: {choices} (기본값 {default})</translation>
    </message>
    <message>
        <source>fixed seed (default: random)</source>
        <comment>cli.help.seed</comment>
        <translation>고정 시드 (기본값: 무작위)</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT, multiples of 8 (default 512x512; 256x256 for the demo model)</source>
        <comment>cli.help.size</comment>
        <translation>너비x높이, 8의 배수 (기본값 512x512, 데모 모델은 256x256)</translation>
    </message>
    <message>
        <source>1..150 (default 25; 12 for the demo model; a few-step model's own)</source>
        <comment>cli.help.steps</comment>
        <translation>1..150 (기본값 25, 데모 모델은 12, 고속 모델은 그 모델의 값)</translation>
    </message>
    <message>
        <source>show the program's version number and exit</source>
        <comment>cli.help.version</comment>
        <translation>프로그램 버전을 보여 주고 끝냅니다</translation>
    </message>
    <message>
        <source>which SM6 artwork: side, front34 or rear34 (default side)</source>
        <comment>cli.help.view</comment>
        <translation>SM6 아트워크 시점: side(측면), front34(전측면), rear34(후측면) (기본값 side)</translation>
    </message>
    <message>
        <source>seconds to wait while the app or another command uses the data folder (default {seconds:g})</source>
        <comment>cli.help.wait</comment>
        <translation>앱이나 다른 명령이 데이터 폴더를 사용 중일 때 기다릴 시간(초) (기본값 {seconds:g})</translation>
    </message>
    <message>
        <source>--hint says what a ControlNet is given: add --control MODEL to use one.</source>
        <comment>cli.hint_needs_control</comment>
        <translation>--hint는 ControlNet에 줄 입력을 정합니다. ControlNet을 쓰려면 --control MODEL을 함께 주세요.</translation>
    </message>
    <message>
        <source>interrupted.</source>
        <comment>cli.interrupted</comment>
        <translation>중단했습니다.</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <comment>cli.loading_model</comment>
        <translation>{model}을(를) 불러오는 중…</translation>
    </message>
    <message>
        <source>--lora {text} is not NAME[:WEIGHT] with a weight from -{high:g} to {high:g}, e.g. --lora my-style:0.8.</source>
        <comment>cli.lora_format</comment>
        <translation>--lora {text}은(는) NAME[:WEIGHT] 형식이 아니거나 가중치가 -{high:g}부터 {high:g}까지가 아닙니다. 예: --lora my-style:0.8.</translation>
    </message>
    <message>
        <source>The LoRA '{wanted}' is not installed. --lora takes a LoRA's id as `sm6-studio doctor` lists it, or the path of an installed one.</source>
        <comment>cli.lora_not_installed</comment>
        <translation>'{wanted}' LoRA가 설치되어 있지 않습니다. --lora에는 `sm6-studio doctor` 목록에 나오는 LoRA ID나 설치된 LoRA의 경로를 주세요.</translation>
    </message>
    <message>
        <source>The LoRA '{addon}' is made for {its_family} models, but {model} is {family}: choose a LoRA made for {family}.</source>
        <comment>cli.lora_other_family</comment>
        <translation>'{addon}' LoRA는 {its_family} 모델용이지만 {model}은(는) {family} 모델입니다. {family}용 LoRA를 고르세요.</translation>
    </message>
    <message>
        <source>--mask repaints part of the SM6 artwork, so it cannot start from {source}: leave --from out, or use --from base.</source>
        <comment>cli.mask_needs_artwork</comment>
        <translation>--mask는 SM6 아트워크의 일부를 다시 그리므로 {source}에서 시작할 수 없습니다. --from을 빼거나 --from base를 쓰세요.</translation>
    </message>
    <message>
        <source>The model '{wanted}' is not installed. --model takes a model id as `sm6-studio doctor` lists it under Models, or the path of an installed model.</source>
        <comment>cli.model_not_installed</comment>
        <translation>'{wanted}' 모델이 설치되어 있지 않습니다. --model에는 `sm6-studio doctor`의 모델 목록에 나오는 모델 ID나 설치된 모델의 경로를 주세요.</translation>
    </message>
    <message>
        <source>{wanted} is not an installed model. Put it in {models_folder} (or import it in the app), then give its id or its path there; `sm6-studio doctor` lists the installed models.</source>
        <comment>cli.model_path_not_installed</comment>
        <translation>{wanted}은(는) 설치된 모델이 아닙니다. {models_folder}에 넣거나 앱에서 가져온 다음, 그 모델의 ID나 그곳의 경로를 주세요. 설치된 모델은 `sm6-studio doctor`에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Model ready on {device} in {seconds:.1f} s</source>
        <comment>cli.model_ready</comment>
        <translation>{device}에서 모델 준비 완료 ({seconds:.1f}초)</translation>
    </message>
    <message>
        <source>The model '{model}' cannot be used: {error}</source>
        <comment>cli.model_unusable</comment>
        <translation>'{model}' 모델을 사용할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>--negative has bytes that are not text (not UTF-8). Type it again, or check the terminal's character set.</source>
        <comment>cli.negative_not_utf8</comment>
        <translation>--negative에 텍스트가 아닌 바이트(UTF-8이 아님)가 있습니다. 다시 입력하거나 터미널의 문자 집합을 확인하세요.</translation>
    </message>
    <message>
        <source>No usable model is installed. Run `sm6-studio doctor` to see where to put one.</source>
        <comment>cli.no_model_installed</comment>
        <translation>사용할 수 있는 모델이 설치되어 있지 않습니다. 모델을 어디에 두어야 하는지 보려면 `sm6-studio doctor`를 실행하세요.</translation>
    </message>
    <message>
        <source>No installed model can be used ({reasons}). Fix or remove them (`sm6-studio doctor` says why); the demo model stands in only when no model is installed.</source>
        <comment>cli.no_usable_model_installed</comment>
        <translation>설치된 모델을 사용할 수 없습니다({reasons}). 모델을 고치거나 삭제하세요(이유는 `sm6-studio doctor`에서 볼 수 있습니다). 데모 모델은 설치된 모델이 없을 때만 대신 쓰입니다.</translation>
    </message>
    <message>
        <source>the window is not available in this build.</source>
        <comment>cli.no_window</comment>
        <translation>이 빌드에서는 창을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <comment>cli.note</comment>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>{option} must be a number from {low:g} to {high:g} (got {value}).</source>
        <comment>cli.option_not_number</comment>
        <translation>{option}은(는) {low:g}부터 {high:g}까지의 숫자여야 합니다(입력값: {value}).</translation>
    </message>
    <message>
        <source>{option} must be a whole number from {low} to {high:,} (got {value}).</source>
        <comment>cli.option_not_whole_number</comment>
        <translation>{option}은(는) {low}부터 {high:,}까지의 정수여야 합니다(입력값: {value}).</translation>
    </message>
    <message>
        <source>--out {folder} is a file, not a folder. Give a folder; it is created if missing.</source>
        <comment>cli.out_is_file</comment>
        <translation>--out {folder}은(는) 폴더가 아니라 파일입니다. 폴더를 주세요. 없으면 새로 만듭니다.</translation>
    </message>
    <message>
        <source>--out {folder} cannot be made ({reason}). Choose a folder you can write to.</source>
        <comment>cli.out_not_creatable</comment>
        <translation>--out {folder}을(를) 만들 수 없습니다({reason}). 쓸 수 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>--out {folder} cannot be written to. Choose a folder you can write to.</source>
        <comment>cli.out_not_writable</comment>
        <translation>--out {folder}에 쓸 수 없습니다. 쓸 수 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Describe your SM6 first: the prompt is empty, e.g. sm6-studio generate "pearl white".</source>
        <comment>cli.prompt_empty</comment>
        <translation>먼저 원하는 SM6를 설명하세요. 프롬프트가 비어 있습니다. 예: sm6-studio generate "펄 화이트"</translation>
    </message>
    <message>
        <source>The prompt has bytes that are not text (not UTF-8). Type it again, or check the terminal's character set.</source>
        <comment>cli.prompt_not_utf8</comment>
        <translation>프롬프트에 텍스트가 아닌 바이트(UTF-8이 아님)가 있습니다. 다시 입력하거나 터미널의 문자 집합을 확인하세요.</translation>
    </message>
    <message>
        <source>The prompt is too long ({count} characters); keep it under {max_prompt_chars}.</source>
        <comment>cli.prompt_too_long</comment>
        <translation>프롬프트가 너무 깁니다({count}자). {max_prompt_chars}자 미만으로 줄이세요.</translation>
    </message>
    <message>
        <source>Saved design {design} (seed {seed}) → {path}</source>
        <comment>cli.saved_design</comment>
        <translation>디자인 {design} 저장 (시드 {seed}) → {path}</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <comment>cli.seed_line</comment>
        <translation>시드 {seed}</translation>
    </message>
    <message>
        <source>--size '{text}' is not WIDTHxHEIGHT in pixels, e.g. 512x512.</source>
        <comment>cli.size_format</comment>
        <translation>--size '{text}'은(는) 픽셀 단위의 너비x높이가 아닙니다. 예: 512x512</translation>
    </message>
    <message>
        <source>height</source>
        <comment>cli.size_height</comment>
        <translation>높이</translation>
    </message>
    <message>
        <source>--size {text}: the {name} must be a multiple of 8 pixels: try {lower} or {upper}.</source>
        <comment>cli.size_not_multiple_of_8</comment>
        <translation>--size {text}: {name} 값은 8픽셀의 배수여야 합니다. {lower} 또는 {upper} 중 하나를 써 보세요.</translation>
    </message>
    <message>
        <source>--size {text}: the {name} must be from {min_side} to {max_side} pixels, e.g. 512x512.</source>
        <comment>cli.size_out_of_range</comment>
        <translation>--size {text}: {name} 값은 {min_side}~{max_side}픽셀이어야 합니다. 예: 512x512</translation>
    </message>
    <message>
        <source>width</source>
        <comment>cli.size_width</comment>
        <translation>너비</translation>
    </message>
    <message>
        <source>Image {image}/{images} · step {step}/{steps}</source>
        <comment>cli.step_line</comment>
        <translation>이미지 {image}/{images} · 단계 {step}/{steps}</translation>
    </message>
    <message>
        <source>--lora is given {count} times; use at most {max_loras} LoRAs at once.</source>
        <comment>cli.too_many_loras</comment>
        <translation>--lora가 {count}번 주어졌습니다. LoRA는 한 번에 최대 {max_loras}개까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no style preset '{preset}'. Choose one of: {choices} (`sm6-studio presets` describes them).</source>
        <comment>cli.unknown_preset</comment>
        <translation>'{preset}' 스타일 프리셋이 없습니다. 다음 중에서 고르세요: {choices} (`sm6-studio presets`에서 설명을 볼 수 있습니다).</translation>
    </message>
    <message>
        <source>{message}. See `{prog} --help`.</source>
        <comment>cli.usage_error</comment>
        <translation>{message}. `{prog} --help`를 참고하세요.</translation>
    </message>
    <message>
        <source>The data folder is in use by another SM6 Design Studio; waiting up to {seconds:g} s for it…</source>
        <comment>cli.waiting_for_folder</comment>
        <translation>다른 SM6 Design Studio가 데이터 폴더를 사용 중입니다. 최대 {seconds:g}초 동안 기다립니다…</translation>
    </message>
    <message>
        <source>The data folder is in use by another SM6 Design Studio (process {pid}); waiting up to {seconds:g} s for it…</source>
        <comment>cli.waiting_for_folder_pid</comment>
        <translation>다른 SM6 Design Studio(프로세스 {pid})가 데이터 폴더를 사용 중입니다. 최대 {seconds:g}초 동안 기다립니다…</translation>
    </message>
    <message>
        <source>In the settings folder {folder}, the app's files ({size})</source>
        <comment>data.remove.config_part</comment>
        <translation>설정 폴더 {folder} 안의 앱 파일({size})</translation>
    </message>
    <message>
        <source>Settings folder {folder} ({size})</source>
        <comment>data.remove.config_whole</comment>
        <translation>설정 폴더 {folder} ({size})</translation>
    </message>
    <message>
        <source>Type {word} to confirm: </source>
        <comment>data.remove.confirm</comment>
        <translation>확인하려면 {word}를 입력하세요: </translation>
    </message>
    <message>
        <source>In the data folder {folder}, what the app made ({size}): designs {designs}, wallet accounts {wallets}</source>
        <comment>data.remove.data_part</comment>
        <translation>데이터 폴더 {folder} 안에서 앱이 만든 것({size}): 디자인 {designs}개, 지갑 계정 {wallets}개</translation>
    </message>
    <message>
        <source>Data folder {folder} ({size}): designs {designs}, wallet accounts {wallets}</source>
        <comment>data.remove.data_whole</comment>
        <translation>데이터 폴더 {folder} ({size}): 디자인 {designs}개, 지갑 계정 {wallets}개</translation>
    </message>
    <message>
        <source>SM6 Design Studio's data is removed.</source>
        <comment>data.remove.done</comment>
        <translation>SM6 Design Studio 데이터를 삭제했습니다.</translation>
    </message>
    <message>
        <source>{path} could not be removed ({reason}). What is listed as removed is gone; run the command again to remove the rest.</source>
        <comment>data.remove.failed</comment>
        <translation>{path}을(를) 삭제할 수 없습니다({reason}). 삭제했다고 표시된 것은 이미 삭제되었습니다. 나머지를 삭제하려면 명령을 다시 실행하세요.</translation>
    </message>
    <message>
        <source>This removes SM6 Design Studio's data for this account:</source>
        <comment>data.remove.header</comment>
        <translation>이 계정의 SM6 Design Studio 데이터를 삭제합니다:</translation>
    </message>
    <message>
        <source>remove this account's SM6 Design Studio data: designs, settings, the app's keys in the system keyring</source>
        <comment>data.remove.help</comment>
        <translation>이 계정의 SM6 Design Studio 데이터를 삭제합니다: 디자인, 설정, 시스템 키링에 저장된 앱의 키</translation>
    </message>
    <message>
        <source>remove wallet keystores too: their accounts' keys are then lost for good</source>
        <comment>data.remove.help_wallets</comment>
        <translation>지갑 키스토어도 삭제합니다: 그 계정의 키는 영구히 사라집니다</translation>
    </message>
    <message>
        <source>remove without asking (for an uninstaller)</source>
        <comment>data.remove.help_yes</comment>
        <translation>묻지 않고 삭제합니다(제거 프로그램용)</translation>
    </message>
    <message>
        <source>Left where they are, not made by SM6 Design Studio: {names}</source>
        <comment>data.remove.left</comment>
        <translation>SM6 Design Studio가 만들지 않아 그대로 둡니다: {names}</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <comment>data.remove.not_confirmed</comment>
        <translation>삭제한 것이 없습니다.</translation>
    </message>
    <message>
        <source>There is no SM6 Design Studio data for this account. Nothing was removed.</source>
        <comment>data.remove.nothing</comment>
        <translation>이 계정에는 SM6 Design Studio 데이터가 없습니다. 삭제한 것이 없습니다.</translation>
    </message>
    <message>
        <source>Removed {path}</source>
        <comment>data.remove.removed</comment>
        <translation>삭제함: {path}</translation>
    </message>
    <message>
        <source>the curation database password</source>
        <comment>data.remove.secret.curation</comment>
        <translation>큐레이션 데이터베이스 비밀번호</translation>
    </message>
    <message>
        <source>the OpenAI API key</source>
        <comment>data.remove.secret.openai</comment>
        <translation>OpenAI API 키</translation>
    </message>
    <message>
        <source>the IPFS pinning service token</source>
        <comment>data.remove.secret.pinning</comment>
        <translation>IPFS 고정 서비스 토큰</translation>
    </message>
    <message>
        <source>The folders are removed, but not everything from the system keyring: {reason} Then run this again.</source>
        <comment>data.remove.secret_left</comment>
        <translation>폴더는 삭제했지만 시스템 키링에서 일부를 삭제하지 못했습니다: {reason} 그런 다음 다시 실행하세요.</translation>
    </message>
    <message>
        <source>From the system keyring: {names}</source>
        <comment>data.remove.secrets</comment>
        <translation>시스템 키링에서: {names}</translation>
    </message>
    <message>
        <source>unknown (the library cannot be read)</source>
        <comment>data.remove.unknown_count</comment>
        <translation>알 수 없음(라이브러리를 읽을 수 없음)</translation>
    </message>
    <message>
        <source>Wallet keystores ({count}) go too: their accounts' keys are lost for good unless exported.</source>
        <comment>data.remove.wallets_go</comment>
        <translation>지갑 키스토어({count}개)도 삭제합니다. 내보내지 않았다면 그 계정의 키는 영구히 사라집니다.</translation>
    </message>
    <message>
        <source>The data folder holds wallet keystores ({count}), the only copy of their accounts' keys: removing them loses those accounts, and everything they own, for good. Export each account first (in the app: Wallet → Export keystore…), then run this again with --including-wallets. Nothing was removed.</source>
        <comment>data.remove.wallets_refused</comment>
        <translation>데이터 폴더에 지갑 키스토어({count}개)가 있으며, 그 계정의 키는 이것이 유일한 사본입니다. 삭제하면 그 계정과 계정이 가진 모든 것을 영구히 잃습니다. 먼저 계정마다 내보내기를 한 다음(앱에서: 지갑 → 키스토어 내보내기…), --including-wallets를 붙여 다시 실행하세요. 삭제한 것이 없습니다.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <comment>doctor.all_checks_passed</comment>
        <translation>모든 검사를 통과했습니다.</translation>
    </message>
    <message>
        <source>off (Settings › Generation › Compile for this graphics card)</source>
        <comment>doctor.compile.off</comment>
        <translation>꺼짐 (설정 › 생성 › 이 그래픽 카드에 맞게 컴파일)</translation>
    </message>
    <message>
        <source>on; compiled kernels kept in {folder}</source>
        <comment>doctor.compile.on</comment>
        <translation>켜짐; 컴파일된 커널은 {folder}에 보관</translation>
    </message>
    <message>
        <source>on, but only an NVIDIA graphics card (CUDA) uses it</source>
        <comment>doctor.compile.on_no_cuda</comment>
        <translation>켜짐, 하지만 NVIDIA 그래픽 카드(CUDA)에서만 쓰입니다</translation>
    </message>
    <message>
        <source>The data folder is not writable: {data}.</source>
        <comment>doctor.data_folder_not_writable</comment>
        <translation>데이터 폴더에 쓸 수 없습니다: {data}.</translation>
    </message>
    <message>
        <source>{arch} depth guide</source>
        <comment>doctor.depth_guide</comment>
        <translation>{arch} 깊이 가이드</translation>
    </message>
    <message>
        <source>{arch} edges guide</source>
        <comment>doctor.edges_guide</comment>
        <translation>{arch} 윤곽선 가이드</translation>
    </message>
    <message>
        <source>{folder} ({problem})</source>
        <comment>doctor.folder_problem</comment>
        <translation>{folder} ({problem})</translation>
    </message>
    <message>
        <source>{folder} (writable)</source>
        <comment>doctor.folder_writable</comment>
        <translation>{folder} (쓰기 가능)</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <comment>doctor.format_diffusers</comment>
        <translation>diffusers 폴더</translation>
    </message>
    <message>
        <source>single file</source>
        <comment>doctor.format_single</comment>
        <translation>단일 파일</translation>
    </message>
    <message>
        <source>hash pending</source>
        <comment>doctor.hash_pending</comment>
        <translation>해시 계산 전</translation>
    </message>
    <message>
        <source>SM6 Design Studio, process {pid}</source>
        <comment>doctor.in_use_by_app</comment>
        <translation>SM6 Design Studio, 프로세스 {pid}</translation>
    </message>
    <message>
        <source>nothing else right now</source>
        <comment>doctor.in_use_by_nothing</comment>
        <translation>지금은 없음</translation>
    </message>
    <message>
        <source>{arch} inpainting</source>
        <comment>doctor.kind_inpainting</comment>
        <translation>{arch} 인페인팅</translation>
    </message>
    <message>
        <source>{arch} LCM</source>
        <comment>doctor.kind_lcm</comment>
        <translation>{arch} LCM</translation>
    </message>
    <message>
        <source>{arch} LCM-LoRA</source>
        <comment>doctor.kind_lcm_lora</comment>
        <translation>{arch} LCM-LoRA</translation>
    </message>
    <message>
        <source>{arch} turbo</source>
        <comment>doctor.kind_turbo</comment>
        <translation>{arch} Turbo</translation>
    </message>
    <message>
        <source>{id}: unusable — {error}</source>
        <comment>doctor.model_unusable</comment>
        <translation>{id}: 사용할 수 없음 — {error}</translation>
    </message>
    <message>
        <source>{id}: {kind}, {format}, {size}, {hash}</source>
        <comment>doctor.model_usable</comment>
        <translation>{id}: {kind}, {format}, {size}, {hash}</translation>
    </message>
    <message>
        <source>available</source>
        <comment>doctor.mps_available</comment>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>not available</source>
        <comment>doctor.mps_not_available</comment>
        <translation>사용 불가</translation>
    </message>
    <message>
        <source>No model is installed. Put a Stable Diffusion model (a .safetensors file or a diffusers folder) in {where}, or try the demo model: the app offers it, and `sm6-studio generate` builds it when no model is installed.</source>
        <comment>doctor.no_model</comment>
        <translation>설치된 모델이 없습니다. Stable Diffusion 모델(.safetensors 파일 또는 diffusers 폴더)을 {where}에 넣거나 데모 모델을 사용해 보세요. 앱에서 데모 모델을 제안하며, 설치된 모델이 없으면 `sm6-studio generate`가 데모 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>none found (the demo model can be built)</source>
        <comment>doctor.no_models_found</comment>
        <translation>찾지 못함 (데모 모델을 만들 수 있습니다)</translation>
    </message>
    <message>
        <source>No installed model can be used (the Models list above says why). Fix or remove them, or put another model in {where}.</source>
        <comment>doctor.no_usable_model</comment>
        <translation>설치된 모델을 사용할 수 없습니다(이유는 위의 모델 목록에 있습니다). 모델을 고치거나 삭제하거나, 다른 모델을 {where}에 넣으세요.</translation>
    </message>
    <message>
        <source>not installed</source>
        <comment>doctor.not_installed</comment>
        <translation>설치되지 않음</translation>
    </message>
    <message>
        <source>build</source>
        <comment>doctor.row.build</comment>
        <translation>빌드</translation>
    </message>
    <message>
        <source>compile for the GPU</source>
        <comment>doctor.row.compile</comment>
        <translation>GPU용 컴파일</translation>
    </message>
    <message>
        <source>config</source>
        <comment>doctor.row.config</comment>
        <translation>설정 폴더</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <comment>doctor.row.controlnet</comment>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>data</source>
        <comment>doctor.row.data</comment>
        <translation>데이터</translation>
    </message>
    <message>
        <source>in use by</source>
        <comment>doctor.row.in_use_by</comment>
        <translation>사용 중인 프로그램</translation>
    </message>
    <message>
        <source>LoRA</source>
        <comment>doctor.row.lora</comment>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>model</source>
        <comment>doctor.row.model</comment>
        <translation>모델</translation>
    </message>
    <message>
        <source>note</source>
        <comment>doctor.row.note</comment>
        <translation>참고</translation>
    </message>
    <message>
        <source>platform</source>
        <comment>doctor.row.platform</comment>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>will run on</source>
        <comment>doctor.row.runs_on</comment>
        <translation>실행 장치</translation>
    </message>
    <message>
        <source>searched</source>
        <comment>doctor.row.searched</comment>
        <translation>찾아본 곳</translation>
    </message>
    <message>
        <source>settings</source>
        <comment>doctor.row.settings</comment>
        <translation>설정</translation>
    </message>
    <message>
        <source>user models</source>
        <comment>doctor.row.user_models</comment>
        <translation>사용자 모델</translation>
    </message>
    <message>
        <source>version</source>
        <comment>doctor.row.version</comment>
        <translation>버전</translation>
    </message>
    <message>
        <source>Folders</source>
        <comment>doctor.section.folders</comment>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Models</source>
        <comment>doctor.section.models</comment>
        <translation>모델</translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>doctor.section.packages</comment>
        <translation>패키지</translation>
    </message>
    <message>
        <source>Problems</source>
        <comment>doctor.section.problems</comment>
        <translation>문제</translation>
    </message>
    <message>
        <source>Torch and device</source>
        <comment>doctor.section.torch</comment>
        <translation>Torch와 장치</translation>
    </message>
    <message>
        <source>read</source>
        <comment>doctor.settings_read</comment>
        <translation>읽음</translation>
    </message>
    <message>
        <source>torch cannot be imported; reinstall it (see README, GPU notes).</source>
        <comment>doctor.torch_broken</comment>
        <translation>torch를 불러올 수 없습니다. torch를 다시 설치하세요(README의 GPU 안내 참고).</translation>
    </message>
    <message>
        <source>cannot be imported ({kind}; see the log)</source>
        <comment>doctor.torch_not_imported</comment>
        <translation>불러올 수 없음 ({kind}, 로그 참고)</translation>
    </message>
    <message>
        <source>The {env_var} environment variable does not hold a usable token (it has spaces): ignored.</source>
        <comment>fleet.bad_env_token</comment>
        <translation>{env_var} 환경 변수의 토큰은 사용할 수 없어(공백이 있음) 무시했습니다.</translation>
    </message>
    <message>
        <source>The generation server sent a reply this app cannot read ({problem}).</source>
        <comment>fleet.bad_reply</comment>
        <translation>생성 서버가 이 앱에서 읽을 수 없는 응답을 보냈습니다({problem}).</translation>
    </message>
    <message>
        <source>a field of the wrong kind: {field}</source>
        <comment>fleet.bad_reply.bad_field</comment>
        <translation>필드의 종류가 잘못되었습니다: {field}</translation>
    </message>
    <message>
        <source>an image that is not a PNG</source>
        <comment>fleet.bad_reply.bad_image</comment>
        <translation>PNG가 아닌 이미지입니다</translation>
    </message>
    <message>
        <source>a preview that is not a JPEG</source>
        <comment>fleet.bad_reply.bad_preview</comment>
        <translation>JPEG가 아닌 미리 보기입니다</translation>
    </message>
    <message>
        <source>a generation request that cannot run</source>
        <comment>fleet.bad_reply.bad_request</comment>
        <translation>실행할 수 없는 생성 요청입니다</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <comment>fleet.bad_reply.not_json</comment>
        <translation>올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>a line is too long</source>
        <comment>fleet.bad_reply.too_long</comment>
        <translation>한 줄이 너무 깁니다</translation>
    </message>
    <message>
        <source>an event this app does not know</source>
        <comment>fleet.bad_reply.unknown_event</comment>
        <translation>이 앱이 알지 못하는 이벤트입니다</translation>
    </message>
    <message>
        <source>The generation server token saved in the system keyring is not usable. Enter it again in Settings.</source>
        <comment>fleet.bad_stored_token</comment>
        <translation>시스템 키링에 저장된 생성 서버 토큰을 사용할 수 없습니다. 설정에서 다시 입력하세요.</translation>
    </message>
    <message>
        <source>The generation server is busy. Try again in {seconds} s.</source>
        <comment>fleet.busy</comment>
        <translation>생성 서버가 사용 중입니다. {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This computer · {device} (server unreachable)</source>
        <comment>fleet.here_instead_label</comment>
        <translation>이 컴퓨터 · {device} (서버 연결 불가)</translation>
    </message>
    <message>
        <source>The system keyring could not be read (it may be locked), so the generation server's token can only come from the {env_var} environment variable. Unlock the keyring and try again.</source>
        <comment>fleet.keyring_unreadable</comment>
        <translation>시스템 키링을 읽을 수 없어(잠겨 있을 수 있습니다) 생성 서버 토큰은 {env_var} 환경 변수에서만 가져올 수 있습니다. 키링의 잠금을 풀고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The token could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} environment variable.</source>
        <comment>fleet.keyring_unwritable</comment>
        <translation>시스템 키링에 토큰을 저장하지 못했습니다. 키링의 잠금을 풀고 다시 시도하거나 {env_var} 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>The connection to the generation server was lost; the design may still be made there — nothing was saved twice.</source>
        <comment>fleet.lost</comment>
        <translation>생성 서버와의 연결이 끊어졌습니다. 디자인은 서버에서 계속 만들어질 수 있으며, 두 번 저장된 것은 없습니다.</translation>
    </message>
    <message>
        <source>This system has no keyring to keep the generation server's token safe, so it can only come from the {env_var} environment variable. Set it before starting SM6 Design Studio.</source>
        <comment>fleet.no_keyring</comment>
        <translation>이 시스템에는 생성 서버 토큰을 안전하게 보관할 키링이 없어 토큰은 {env_var} 환경 변수에서만 가져올 수 있습니다. SM6 Design Studio를 시작하기 전에 설정하세요.</translation>
    </message>
    <message>
        <source>No generation server address is set. Enter the server's address in Settings → Generation, like https://gen.example.com.</source>
        <comment>fleet.no_server_address</comment>
        <translation>생성 서버 주소가 설정되지 않았습니다. 설정 → 생성에서 https://gen.example.com처럼 서버 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>No token for the generation server is set on this computer. Enter the token staff gave you in Settings → Generation.</source>
        <comment>fleet.no_token</comment>
        <translation>이 컴퓨터에 생성 서버 토큰이 설정되어 있지 않습니다. 직원에게 받은 토큰을 설정 → 생성에 입력하세요.</translation>
    </message>
    <message>
        <source>The generation server sent a picture whose record of how it was made does not match this design's settings, so it was not kept. Try again; if it happens again, ask staff to check the server.</source>
        <comment>fleet.not_as_asked</comment>
        <translation>생성 서버가 보낸 그림에 기록된 생성 정보가 이 디자인의 설정과 맞지 않아 저장하지 않았습니다. 다시 시도하세요. 다시 발생하면 직원에게 서버 점검을 요청하세요.</translation>
    </message>
    <message>
        <source>This computer has asked the generation server for many designs in a short time. Try again in {seconds} s.</source>
        <comment>fleet.rate_limited</comment>
        <translation>이 컴퓨터가 짧은 시간에 생성 서버에 많은 디자인을 요청했습니다. {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This computer's token for the generation server was withdrawn by staff. Ask staff for a new one and enter it in Settings → Generation.</source>
        <comment>fleet.revoked</comment>
        <translation>직원이 이 컴퓨터의 생성 서버 토큰을 회수했습니다. 직원에게 새 토큰을 받아 설정 → 생성에 입력하세요.</translation>
    </message>
    <message>
        <source>Server · {device}</source>
        <comment>fleet.server_device</comment>
        <translation>서버 · {device}</translation>
    </message>
    <message>
        <source>The generation server answered with an error (HTTP {status}). Try again; if it keeps happening, ask staff to check the server.</source>
        <comment>fleet.server_error</comment>
        <translation>생성 서버가 오류로 응답했습니다(HTTP {status}). 다시 시도하세요. 계속 발생하면 직원에게 서버 점검을 요청하세요.</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>fleet.server_plain</comment>
        <translation>서버</translation>
    </message>
    <message>
        <source>The generation server stopped this design before it was finished. Try again.</source>
        <comment>fleet.stopped_by_server</comment>
        <translation>생성 서버가 이 디자인을 완성하기 전에 중단했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A secure connection to the generation server at {url} could not be made: its certificate is not trusted by this computer, or it does not answer on HTTPS. Ask staff to check the server's address and certificate.</source>
        <comment>fleet.tls_failed</comment>
        <translation>{url}의 생성 서버와 보안 연결을 만들 수 없습니다. 이 컴퓨터가 서버의 인증서를 신뢰하지 않거나, 서버가 HTTPS로 응답하지 않습니다. 직원에게 서버 주소와 인증서를 확인해 달라고 요청하세요.</translation>
    </message>
    <message>
        <source>The token is empty. Paste the token the server's staff gave this computer.</source>
        <comment>fleet.token_empty</comment>
        <translation>토큰이 비어 있습니다. 서버 담당 직원이 이 컴퓨터에 준 토큰을 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>A token has no spaces or line breaks inside. Copy it again, in one piece, from what the server's staff sent.</source>
        <comment>fleet.token_spaces</comment>
        <translation>토큰에는 공백이나 줄바꿈이 없습니다. 서버 담당 직원이 보낸 토큰을 한 번에 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The generation server does not accept this computer's token. Ask staff for a new one and enter it in Settings → Generation.</source>
        <comment>fleet.unauthorized</comment>
        <translation>생성 서버가 이 컴퓨터의 토큰을 받아들이지 않습니다. 직원에게 새 토큰을 받아 설정 → 생성에 입력하세요.</translation>
    </message>
    <message>
        <source>The generation server at {url} cannot be reached. Check this computer's network connection, or ask staff whether the server is running.</source>
        <comment>fleet.unreachable</comment>
        <translation>{url}의 생성 서버에 연결할 수 없습니다. 이 컴퓨터의 네트워크 연결을 확인하거나, 서버가 실행 중인지 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>{what} {problem}</source>
        <comment>json.bad</comment>
        <translation>{what}: {problem}</translation>
    </message>
    <message>
        <source>is damaged (it {problem}).</source>
        <comment>json.damaged</comment>
        <translation>손상되었습니다({problem}).</translation>
    </message>
    <message>
        <source>is damaged (it {problem})</source>
        <comment>json.damaged.clause</comment>
        <translation>손상되었습니다({problem})</translation>
    </message>
    <message>
        <source>a list</source>
        <comment>json.kind.list</comment>
        <translation>목록</translation>
    </message>
    <message>
        <source>nothing</source>
        <comment>json.kind.nothing</comment>
        <translation>빈 값(null)</translation>
    </message>
    <message>
        <source>a number</source>
        <comment>json.kind.number</comment>
        <translation>숫자</translation>
    </message>
    <message>
        <source>text</source>
        <comment>json.kind.text</comment>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>true/false</source>
        <comment>json.kind.true_false</comment>
        <translation>참/거짓 값</translation>
    </message>
    <message>
        <source>holds {kind} where an object ({{…}}) was expected.</source>
        <comment>json.not_an_object</comment>
        <translation>객체({{…}})가 있어야 할 자리에 {kind}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>holds {kind} where an object ({{…}}) was expected</source>
        <comment>json.not_an_object.clause</comment>
        <translation>객체({{…}})가 있어야 할 자리에 {kind}이(가) 있습니다</translation>
    </message>
    <message>
        <source>is not valid JSON.</source>
        <comment>json.not_json</comment>
        <translation>올바른 JSON이 아닙니다.</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <comment>json.not_json.clause</comment>
        <translation>올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>is not text in UTF-8, so it cannot be JSON.</source>
        <comment>json.not_utf8</comment>
        <translation>UTF-8 텍스트가 아니어서 JSON일 수 없습니다.</translation>
    </message>
    <message>
        <source>is not text in UTF-8, so it cannot be JSON</source>
        <comment>json.not_utf8.clause</comment>
        <translation>UTF-8 텍스트가 아니어서 JSON일 수 없습니다</translation>
    </message>
    <message>
        <source>is nested more than {max_depth} levels deep, which no valid file is.</source>
        <comment>json.too_deep</comment>
        <translation>{max_depth}단계보다 깊게 중첩되어 있습니다. 올바른 파일은 그렇지 않습니다.</translation>
    </message>
    <message>
        <source>is nested more than {max_depth} levels deep, which no valid file is</source>
        <comment>json.too_deep.clause</comment>
        <translation>{max_depth}단계보다 깊게 중첩되어 있습니다(올바른 파일은 그렇지 않습니다)</translation>
    </message>
    <message>
        <source>is too large to read ({size}; at most {limit}).</source>
        <comment>json.too_large</comment>
        <translation>너무 커서 읽을 수 없습니다({size}, 최대 {limit}).</translation>
    </message>
    <message>
        <source>is too large to read ({size}; at most {limit})</source>
        <comment>json.too_large.clause</comment>
        <translation>너무 커서 읽을 수 없습니다({size}, 최대 {limit})</translation>
    </message>
    <message>
        <source>The account list ({file})</source>
        <comment>json.what.account_list</comment>
        <translation>계정 목록({file})</translation>
    </message>
    <message>
        <source>The header</source>
        <comment>json.what.checkpoint_header</comment>
        <translation>헤더</translation>
    </message>
    <message>
        <source>The contract's build artifact</source>
        <comment>json.what.contract_artifact</comment>
        <translation>컨트랙트 빌드 아티팩트</translation>
    </message>
    <message>
        <source>The design's saved details</source>
        <comment>json.what.design_details</comment>
        <translation>디자인에 저장된 세부 정보</translation>
    </message>
    <message>
        <source>The design's saved settings</source>
        <comment>json.what.design_settings</comment>
        <translation>디자인에 저장된 설정</translation>
    </message>
    <message>
        <source>A piece of the draft stream</source>
        <comment>json.what.draft_stream_piece</comment>
        <translation>초안 스트림의 일부</translation>
    </message>
    <message>
        <source>The error reply</source>
        <comment>json.what.error_reply</comment>
        <translation>오류 응답</translation>
    </message>
    <message>
        <source>A line of the generation server's audit log</source>
        <comment>json.what.fleet_audit_line</comment>
        <translation>생성 서버 감사 로그의 한 줄</translation>
    </message>
    <message>
        <source>The generation server's reply</source>
        <comment>json.what.fleet_reply</comment>
        <translation>생성 서버의 응답</translation>
    </message>
    <message>
        <source>The generation server's token file</source>
        <comment>json.what.fleet_tokens</comment>
        <translation>생성 서버의 토큰 파일</translation>
    </message>
    <message>
        <source>The keystore file</source>
        <comment>json.what.keystore_file</comment>
        <translation>키스토어 파일</translation>
    </message>
    <message>
        <source>The model hash cache</source>
        <comment>json.what.model_hash_cache</comment>
        <translation>모델 해시 캐시</translation>
    </message>
    <message>
        <source>The reply</source>
        <comment>json.what.node_reply</comment>
        <translation>응답</translation>
    </message>
    <message>
        <source>The request</source>
        <comment>json.what.node_request</comment>
        <translation>요청</translation>
    </message>
    <message>
        <source>This PNG image's design details</source>
        <comment>json.what.png_design_details</comment>
        <translation>이 PNG 이미지의 디자인 세부 정보</translation>
    </message>
    <message>
        <source>This PNG image's design request</source>
        <comment>json.what.png_design_request</comment>
        <translation>이 PNG 이미지의 디자인 요청</translation>
    </message>
    <message>
        <source>The {service}'s reply</source>
        <comment>json.what.service_reply</comment>
        <translation>{service}의 응답</translation>
    </message>
    <message>
        <source>The staff lock file</source>
        <comment>json.what.staff_lock_file</comment>
        <translation>직원 잠금 파일</translation>
    </message>
    <message>
        <source>A stored reason</source>
        <comment>json.what.stored_reason</comment>
        <translation>저장된 사유</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}.</source>
        <comment>os.cannot_write</comment>
        <translation>{folder}에 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <comment>os.disk_full</comment>
        <translation>디스크 공간 부족</translation>
    </message>
    <message>
        <source>it is in use</source>
        <comment>os.in_use</comment>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <comment>os.io_error</comment>
        <translation>디스크 입출력 오류</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <comment>os.is_folder</comment>
        <translation>폴더임</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <comment>os.missing</comment>
        <translation>존재하지 않음</translation>
    </message>
    <message>
        <source>something of that name is already there</source>
        <comment>os.name_taken</comment>
        <translation>같은 이름이 이미 있음</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <comment>os.name_too_long</comment>
        <translation>이름이 너무 김</translation>
    </message>
    <message>
        <source>part of the path is a file, not a folder</source>
        <comment>os.path_part_is_file</comment>
        <translation>경로의 일부가 폴더가 아니라 파일임</translation>
    </message>
    <message>
        <source>permission denied</source>
        <comment>os.permission_denied</comment>
        <translation>권한 없음</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <comment>os.quota_used_up</comment>
        <translation>디스크 할당량 초과</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <comment>os.read_only</comment>
        <translation>읽기 전용 디스크</translation>
    </message>
    <message>
        <source>the system refused</source>
        <comment>os.refused</comment>
        <translation>시스템이 거부함</translation>
    </message>
    <message>
        <source>the system refused (error {errno})</source>
        <comment>os.refused_code</comment>
        <translation>시스템이 거부함 (오류 {errno})</translation>
    </message>
    <message>
        <source>All checks passed in {seconds:.0f} s.</source>
        <comment>selftest.all_passed</comment>
        <translation>모든 검사를 {seconds:.0f}초 만에 통과했습니다.</translation>
    </message>
    <message>
        <source>The details are in {where}; send that file to support.</source>
        <comment>selftest.details_in</comment>
        <translation>자세한 내용은 {where}에 있습니다. 이 파일을 지원팀에 보내 주세요.</translation>
    </message>
    <message>
        <source>Demo model built</source>
        <comment>selftest.done.demo_model</comment>
        <translation>데모 모델을 만들었습니다</translation>
    </message>
    <message>
        <source>Design generated on {device}: {steps} steps, {width}×{height}</source>
        <comment>selftest.done.generate</comment>
        <translation>{device}에서 디자인을 생성했습니다: {steps}단계, {width}×{height}</translation>
    </message>
    <message>
        <source>Saved to the library with its provenance</source>
        <comment>selftest.done.library</comment>
        <translation>만든 과정 정보와 함께 라이브러리에 저장했습니다</translation>
    </message>
    <message>
        <source>Minted token #{token} on the sandbox chain, owner checked</source>
        <comment>selftest.done.mint</comment>
        <translation>샌드박스 체인에서 토큰 #{token}을(를) 민팅하고 소유자를 확인했습니다</translation>
    </message>
    <message>
        <source>Sandbox chain started, wallet funded</source>
        <comment>selftest.done.sandbox</comment>
        <translation>샌드박스 체인을 시작하고 지갑을 충전했습니다</translation>
    </message>
    <message>
        <source>Described offline, token drafted</source>
        <comment>selftest.done.token</comment>
        <translation>오프라인으로 설명을 쓰고 토큰 초안을 만들었습니다</translation>
    </message>
    <message>
        <source>The self-test failed at “{what}”. Your own designs, settings, wallets and models were not touched.</source>
        <comment>selftest.failed</comment>
        <translation>자체 점검이 “{what}” 단계에서 실패했습니다. 내 디자인, 설정, 지갑, 모델은 건드리지 않았습니다.</translation>
    </message>
    <message>
        <source>check that this installed copy works end to end, without touching your data</source>
        <comment>selftest.help</comment>
        <translation>설치된 프로그램이 처음부터 끝까지 작동하는지 점검합니다(내 데이터는 그대로 둡니다)</translation>
    </message>
    <message>
        <source>print the result as JSON on standard output (the steps go to standard error)</source>
        <comment>selftest.help_json</comment>
        <translation>결과를 표준 출력에 JSON으로 씁니다(단계별 줄은 표준 오류로 나갑니다)</translation>
    </message>
    <message>
        <source>keep the test's folder here for a support person (a new or empty folder)</source>
        <comment>selftest.help_keep</comment>
        <translation>점검에 쓴 폴더를 지원 담당자를 위해 여기에 남깁니다(새 폴더나 빈 폴더)</translation>
    </message>
    <message>
        <source>--keep needs a new or empty folder; {folder} already holds files.</source>
        <comment>selftest.keep_not_empty</comment>
        <translation>--keep에는 새 폴더나 빈 폴더가 필요합니다. {folder}에는 이미 파일이 있습니다.</translation>
    </message>
    <message>
        <source>--keep cannot use {folder}: {reason}.</source>
        <comment>selftest.keep_unusable</comment>
        <translation>--keep으로 {folder}을(를) 사용할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>The test's folder is kept in {folder}.</source>
        <comment>selftest.kept_in</comment>
        <translation>점검에 쓴 폴더를 {folder}에 남겼습니다.</translation>
    </message>
    <message>
        <source>✗ {what}: {reason} ({seconds:.1f} s)</source>
        <comment>selftest.line_failed</comment>
        <translation>✗ {what}: {reason} ({seconds:.1f}초)</translation>
    </message>
    <message>
        <source>✓ {what} ({seconds:.1f} s)</source>
        <comment>selftest.line_ok</comment>
        <translation>✓ {what} ({seconds:.1f}초)</translation>
    </message>
    <message>
        <source>– {what}: skipped</source>
        <comment>selftest.line_skipped</comment>
        <translation>– {what}: 건너뜀</translation>
    </message>
    <message>
        <source>the generation ended without a design</source>
        <comment>selftest.no_design</comment>
        <translation>생성이 디자인 없이 끝났습니다</translation>
    </message>
    <message>
        <source>the saved picture does not carry how it was made</source>
        <comment>selftest.no_provenance</comment>
        <translation>저장된 그림에 만든 과정 정보가 없습니다</translation>
    </message>
    <message>
        <source>The self-test could not make its temporary folder in {folder} ({reason}). Give it a folder of its own with --keep FOLDER.</source>
        <comment>selftest.no_temp_folder</comment>
        <translation>자체 점검용 임시 폴더를 {folder}에 만들 수 없습니다({reason}). --keep FOLDER로 점검에 쓸 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>the sandbox faucet left the wallet empty</source>
        <comment>selftest.not_funded</comment>
        <translation>샌드박스 충전 후에도 지갑이 비어 있습니다</translation>
    </message>
    <message>
        <source>the design is not in the library</source>
        <comment>selftest.not_in_library</comment>
        <translation>디자인이 라이브러리에 없습니다</translation>
    </message>
    <message>
        <source>the mint ended as “{state}”: {reason}</source>
        <comment>selftest.not_minted</comment>
        <translation>민팅이 “{state}” 상태로 끝났습니다: {reason}</translation>
    </message>
    <message>
        <source>the saved picture is missing or differs from the one generated</source>
        <comment>selftest.picture_changed</comment>
        <translation>저장된 그림이 없거나 생성한 그림과 다릅니다</translation>
    </message>
    <message>
        <source>skipped</source>
        <comment>selftest.skipped</comment>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>it did not finish within {seconds} s</source>
        <comment>selftest.took_too_long</comment>
        <translation>{seconds}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>something went wrong inside the app (the details are in the error log)</source>
        <comment>selftest.unexpected</comment>
        <translation>앱 내부에서 문제가 발생했습니다(자세한 내용은 오류 로그에 있습니다)</translation>
    </message>
    <message>
        <source>Build the demo model</source>
        <comment>selftest.what.demo_model</comment>
        <translation>데모 모델 만들기</translation>
    </message>
    <message>
        <source>Generate a design</source>
        <comment>selftest.what.generate</comment>
        <translation>디자인 생성</translation>
    </message>
    <message>
        <source>Save it to the library</source>
        <comment>selftest.what.library</comment>
        <translation>라이브러리에 저장</translation>
    </message>
    <message>
        <source>Mint the token on the sandbox chain</source>
        <comment>selftest.what.mint</comment>
        <translation>샌드박스 체인에서 토큰 민팅</translation>
    </message>
    <message>
        <source>Start the sandbox chain and fund a wallet</source>
        <comment>selftest.what.sandbox</comment>
        <translation>샌드박스 체인 시작과 지갑 충전</translation>
    </message>
    <message>
        <source>Describe it and draft its token</source>
        <comment>selftest.what.token</comment>
        <translation>설명 작성과 토큰 초안</translation>
    </message>
    <message>
        <source>the chain names another owner of token #{token}</source>
        <comment>selftest.wrong_owner</comment>
        <translation>체인에 기록된 토큰 #{token}의 소유자가 다릅니다</translation>
    </message>
    <message>
        <source>The generation server is busy. Try again in a moment.</source>
        <comment>serve.busy</comment>
        <translation>생성 서버가 바쁩니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>run the shared generation server that kiosks without a GPU generate on (Ray Serve)</source>
        <comment>serve.help</comment>
        <translation>GPU가 없는 키오스크가 생성에 쓰는 공유 생성 서버를 실행합니다(Ray Serve)</translation>
    </message>
    <message>
        <source>CPU cores per generator (default: 1 with a GPU, else a share of this computer's)</source>
        <comment>serve.help_cpus</comment>
        <translation>생성기 하나당 CPU 코어 수 (기본값: GPU가 있으면 1, 없으면 이 컴퓨터 코어의 나눈 몫)</translation>
    </message>
    <message>
        <source>GPUs per generator (default: 1 when this computer has CUDA, else 0)</source>
        <comment>serve.help_gpus</comment>
        <translation>생성기당 GPU 수(기본값: 이 컴퓨터에 CUDA가 있으면 1, 없으면 0)</translation>
    </message>
    <message>
        <source>address to listen on (default 127.0.0.1; put TLS in front for any other)</source>
        <comment>serve.help_host</comment>
        <translation>수신할 주소(기본값 127.0.0.1, 다른 주소에는 앞에 TLS를 두세요)</translation>
    </message>
    <message>
        <source>images a generator denoises together, from the jobs waiting for it (default 1: each image on its own)</source>
        <comment>serve.help_images_per_pass</comment>
        <translation>생성기 하나가 대기 중인 작업들에서 모아 한 번에 함께 만드는 이미지 수 (기본값 1: 이미지마다 따로)</translation>
    </message>
    <message>
        <source>make a token for a kiosk (shown once)</source>
        <comment>serve.help_issue</comment>
        <translation>키오스크용 토큰을 만듭니다(한 번만 표시)</translation>
    </message>
    <message>
        <source>list the tokens by name</source>
        <comment>serve.help_list</comment>
        <translation>토큰을 이름별로 나열합니다</translation>
    </message>
    <message>
        <source>jobs that may wait beyond the running ones; more are told to retry</source>
        <comment>serve.help_max_queued</comment>
        <translation>실행 중인 작업 외에 기다릴 수 있는 작업 수, 넘으면 다시 시도하라고 알립니다</translation>
    </message>
    <message>
        <source>autoscaling: the most generators started when jobs wait (0: no autoscaling)</source>
        <comment>serve.help_max_replicas</comment>
        <translation>자동 확장: 작업이 대기할 때 시작하는 생성기의 최대 개수 (0: 자동 확장 안 함)</translation>
    </message>
    <message>
        <source>autoscaling: the fewest generators kept running (default: --replicas)</source>
        <comment>serve.help_min_replicas</comment>
        <translation>자동 확장: 항상 실행해 두는 생성기의 최소 개수 (기본값: --replicas)</translation>
    </message>
    <message>
        <source>the token's name: the kiosk or dealership it is for</source>
        <comment>serve.help_name</comment>
        <translation>토큰 이름: 토큰을 쓸 키오스크나 대리점</translation>
    </message>
    <message>
        <source>port to listen on (default 8000)</source>
        <comment>serve.help_port</comment>
        <translation>수신할 포트(기본값 8000)</translation>
    </message>
    <message>
        <source>jobs a minute each token may start</source>
        <comment>serve.help_rate</comment>
        <translation>토큰마다 1분에 시작할 수 있는 작업 수</translation>
    </message>
    <message>
        <source>join a Ray cluster (its head's address, or auto) instead of starting Ray here</source>
        <comment>serve.help_ray_address</comment>
        <translation>여기서 Ray를 시작하지 않고 Ray 클러스터에 참여 (헤드 노드의 주소 또는 auto)</translation>
    </message>
    <message>
        <source>how many generators run at once (each one pass at a time)</source>
        <comment>serve.help_replicas</comment>
        <translation>동시에 실행할 생성기 수(각각 한 번에 묶음 하나)</translation>
    </message>
    <message>
        <source>revoke a kiosk's token: its next request is refused</source>
        <comment>serve.help_revoke</comment>
        <translation>키오스크의 토큰을 폐기합니다: 다음 요청부터 거부됩니다</translation>
    </message>
    <message>
        <source>issue, list or revoke the kiosks' tokens</source>
        <comment>serve.help_tokens</comment>
        <translation>키오스크 토큰을 발급하거나 나열하거나 폐기합니다</translation>
    </message>
    <message>
        <source>--images-per-pass must be between 1 and {most}.</source>
        <comment>serve.images_per_pass_range</comment>
        <translation>--images-per-pass 값은 1에서 {most} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The generation server needs Ray Serve, which this installation lacks. Install it with `pip install sm6-studio[server]`.</source>
        <comment>serve.no_ray</comment>
        <translation>생성 서버에는 Ray Serve가 필요하지만 이 설치에는 없습니다. `pip install sm6-studio[server]`로 설치하세요.</translation>
    </message>
    <message>
        <source>No tokens yet. Issue one with `sm6-studio serve tokens issue NAME`.</source>
        <comment>serve.no_tokens</comment>
        <translation>아직 토큰이 없습니다. `sm6-studio serve tokens issue NAME`으로 발급하세요.</translation>
    </message>
    <message>
        <source>Listening on {host}: dealerships must reach it through TLS (a reverse proxy, see the deployment guide).</source>
        <comment>serve.not_loopback</comment>
        <translation>{host}에서 수신합니다: 대리점은 TLS를 거쳐 접속해야 합니다(리버스 프록시, 배포 안내서 참고).</translation>
    </message>
    <message>
        <source>{flag} must be 0 or more.</source>
        <comment>serve.not_negative</comment>
        <translation>{flag} 값은 0 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>refused: busy</source>
        <comment>serve.outcome.busy</comment>
        <translation>거부: 바쁨</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>serve.outcome.cancelled</comment>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>cut off</source>
        <comment>serve.outcome.cut</comment>
        <translation>끊김</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>serve.outcome.failed</comment>
        <translation>실패</translation>
    </message>
    <message>
        <source>finished</source>
        <comment>serve.outcome.finished</comment>
        <translation>완료</translation>
    </message>
    <message>
        <source>refused: too many requests</source>
        <comment>serve.outcome.rate_limited</comment>
        <translation>거부: 요청이 너무 많음</translation>
    </message>
    <message>
        <source>sent again</source>
        <comment>serve.outcome.replayed</comment>
        <translation>다시 보냄</translation>
    </message>
    <message>
        <source>Ray's token authentication is turned off (RAY_AUTH_MODE={mode}). The generation server does not start without it: anyone who reaches Ray's ports could run code on this machine.</source>
        <comment>serve.ray_auth_off</comment>
        <translation>Ray의 토큰 인증이 꺼져 있습니다 (RAY_AUTH_MODE={mode}). 토큰 인증 없이는 생성 서버를 시작하지 않습니다. Ray의 포트에 접속할 수 있는 누구나 이 컴퓨터에서 코드를 실행할 수 있기 때문입니다.</translation>
    </message>
    <message>
        <source>Ray's own ports (GCS, raylet, object store) listen on every network interface of this machine. They accept only Ray's token ({token}); firewall them as well, so that only this machine and its cluster reach them (see the deployment guide).</source>
        <comment>serve.ray_ports</comment>
        <translation>Ray 자체 포트(GCS, raylet, 오브젝트 스토어)는 이 컴퓨터의 모든 네트워크 인터페이스에서 연결을 받습니다. 이 포트는 Ray의 토큰({token})이 있어야만 연결을 받지만, 이 컴퓨터와 클러스터만 접속할 수 있도록 방화벽으로도 막으세요 (배포 안내서 참고).</translation>
    </message>
    <message>
        <source>The generation server stopped this job unexpectedly. Try again.</source>
        <comment>serve.replica_gone</comment>
        <translation>생성 서버가 이 작업을 예기치 않게 중단했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{token}: {outcome} · {model} · {seconds} s</source>
        <comment>serve.request_line</comment>
        <translation>{token}: {outcome} · {model} · {seconds}초</translation>
    </message>
    <message>
        <source>This token was revoked. Ask staff for a new one.</source>
        <comment>serve.revoked</comment>
        <translation>폐기된 토큰입니다. 직원에게 새 토큰을 요청하세요.</translation>
    </message>
    <message>
        <source>Generation server on {url} ({device}). Press Ctrl+C to stop.</source>
        <comment>serve.started</comment>
        <translation>생성 서버가 {url}에서 실행 중입니다({device}). 멈추려면 Ctrl+C를 누르세요.</translation>
    </message>
    <message>
        <source>Starting the generation server…</source>
        <comment>serve.starting</comment>
        <translation>생성 서버를 시작하는 중…</translation>
    </message>
    <message>
        <source>The generation server stopped.</source>
        <comment>serve.stopped</comment>
        <translation>생성 서버가 멈췄습니다.</translation>
    </message>
    <message>
        <source>A token's name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.</source>
        <comment>serve.token_bad_name</comment>
        <translation>토큰 이름은 영문자, 숫자, 공백, 점, 대시, 밑줄로 된 1~64자이며 영문자나 숫자로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>Token for {name}, shown only this once: enter it in that kiosk's Settings → Generation → Token.</source>
        <comment>serve.token_issued</comment>
        <translation>{name}의 토큰입니다. 지금 한 번만 표시됩니다: 해당 키오스크의 설정 → 생성 → 토큰에 입력하세요.</translation>
    </message>
    <message>
        <source>A token named {name} exists already. Choose another name.</source>
        <comment>serve.token_name_taken</comment>
        <translation>이름이 {name}인 토큰이 이미 있습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>{name} · issued {created} · revoked {revoked}</source>
        <comment>serve.token_revoked</comment>
        <translation>{name} · 발급 {created} · 폐기 {revoked}</translation>
    </message>
    <message>
        <source>Revoked the token {name}: its next request is refused.</source>
        <comment>serve.token_revoked_done</comment>
        <translation>토큰 {name}을(를) 폐기했습니다: 다음 요청부터 거부됩니다.</translation>
    </message>
    <message>
        <source>There is no token named {name}.</source>
        <comment>serve.token_unknown</comment>
        <translation>이름이 {name}인 토큰이 없습니다.</translation>
    </message>
    <message>
        <source>{name} · issued {created}</source>
        <comment>serve.token_valid</comment>
        <translation>{name} · 발급 {created}</translation>
    </message>
    <message>
        <source>This token is not known to the generation server.</source>
        <comment>serve.unauthorized</comment>
        <translation>생성 서버가 알지 못하는 토큰입니다.</translation>
    </message>
    <message>
        <source>it holds a value that cannot be read</source>
        <comment>settings.bad_value</comment>
        <translation>읽을 수 없는 값이 있음</translation>
    </message>
    <message>
        <source>it holds binary data, not text</source>
        <comment>settings.binary</comment>
        <translation>텍스트가 아닌 바이너리 데이터임</translation>
    </message>
    <message>
        <source>it cannot be opened: {reason}</source>
        <comment>settings.cannot_open</comment>
        <translation>열 수 없음: {reason}</translation>
    </message>
    <message>
        <source>it cannot be read: {reason}</source>
        <comment>settings.cannot_read</comment>
        <translation>읽을 수 없음: {reason}</translation>
    </message>
    <message>
        <source>there is a folder where the file should be</source>
        <comment>settings.folder_there</comment>
        <translation>파일이 있어야 할 자리에 폴더가 있음</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <comment>settings.not_regular</comment>
        <translation>일반 파일이 아님</translation>
    </message>
    <message>
        <source>it is not valid TOML</source>
        <comment>settings.not_toml</comment>
        <translation>올바른 TOML이 아님</translation>
    </message>
    <message>
        <source>it is not UTF-8 text; it may have been saved in another encoding, such as cp949</source>
        <comment>settings.not_utf8</comment>
        <translation>UTF-8 텍스트가 아님. cp949 같은 다른 인코딩으로 저장되었을 수 있음</translation>
    </message>
    <message>
        <source>Some settings in {path} could not be used and their defaults are in use: {names}. Saving the settings writes valid values.</source>
        <comment>settings.some_reset</comment>
        <translation>{path}의 일부 설정을 사용할 수 없어 기본값을 사용합니다: {names}. 설정을 저장하면 올바른 값이 기록됩니다.</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <comment>settings.too_deep</comment>
        <translation>너무 깊게 중첩됨</translation>
    </message>
    <message>
        <source>it is too large (a settings file is a few KB)</source>
        <comment>settings.too_large</comment>
        <translation>너무 큼 (설정 파일은 몇 KB 정도임)</translation>
    </message>
    <message>
        <source>it is too large ({kb} KB; a settings file is a few KB)</source>
        <comment>settings.too_large_kb</comment>
        <translation>너무 큼 ({kb} KB, 설정 파일은 몇 KB 정도임)</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({reason}), so default settings are in use. Fix or remove {path}.</source>
        <comment>settings.unreadable_fix</comment>
        <translation>설정 파일을 읽을 수 없어({reason}) 기본 설정을 사용합니다. {path}을(를) 고치거나 삭제하세요.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({reason}), so default settings are in use. The file was kept as {kept_as}.</source>
        <comment>settings.unreadable_kept</comment>
        <translation>설정 파일을 읽을 수 없어({reason}) 기본 설정을 사용합니다. 원래 파일은 {kept_as}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>The port after “:” in the {what} address must be a number from 1 to 65535, like {example}.</source>
        <comment>url.bad_port</comment>
        <translation>{what} 주소에서 “:” 뒤의 포트는 1부터 65535까지의 숫자여야 합니다. 예: {example}</translation>
    </message>
    <message>
        <source>The {what} address cannot contain a user name or password (the part before “@”); give just the address, like {example}.</source>
        <comment>url.has_credentials</comment>
        <translation>{what} 주소에는 사용자 이름이나 비밀번호(“@” 앞부분)를 넣을 수 없습니다. 주소만 입력하세요. 예: {example}</translation>
    </message>
    <message>
        <source>The {what} address cannot contain “?” or “#”; give just the address, like {example}.</source>
        <comment>url.has_query</comment>
        <translation>{what} 주소에는 “?”나 “#”를 넣을 수 없습니다. 주소만 입력하세요. 예: {example}</translation>
    </message>
    <message>
        <source>The {what} address cannot contain spaces or line breaks; give just the address, like {example}.</source>
        <comment>url.has_spaces</comment>
        <translation>{what} 주소에는 공백이나 줄 바꿈을 넣을 수 없습니다. 주소만 입력하세요. 예: {example}</translation>
    </message>
    <message>
        <source>The {what} address must start with http:// or https:// and name a host, like {example}.</source>
        <comment>url.no_scheme_or_host</comment>
        <translation>{what} 주소는 http:// 또는 https://로 시작하고 호스트 이름이 있어야 합니다. 예: {example}</translation>
    </message>
    <message>
        <source>The {what} address is not a web address. Write it like {example}.</source>
        <comment>url.not_web_address</comment>
        <translation>{what} 주소가 웹 주소가 아닙니다. {example}처럼 입력하세요.</translation>
    </message>
    <message>
        <source>custom node</source>
        <comment>url.service.custom_node</comment>
        <translation>사용자 지정 노드</translation>
    </message>
    <message>
        <source>explorer</source>
        <comment>url.service.explorer</comment>
        <translation>탐색기</translation>
    </message>
    <message>
        <source>generation server</source>
        <comment>url.service.generation_server</comment>
        <translation>생성 서버</translation>
    </message>
    <message>
        <source>IPFS node</source>
        <comment>url.service.ipfs_node</comment>
        <translation>IPFS 노드</translation>
    </message>
    <message>
        <source>{network} node</source>
        <comment>url.service.network_node</comment>
        <translation>{network} 노드</translation>
    </message>
    <message>
        <source>pinning service</source>
        <comment>url.service.pinning_service</comment>
        <translation>고정 서비스</translation>
    </message>
</context>
</TS>
