<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.generation</name>
    <message>
        <source>The list of LoRAs in these settings is damaged.</source>
        <comment>generation.bad_lora_list</comment>
        <translation>이 설정의 LoRA 목록이 손상되었습니다.</translation>
    </message>
    <message>
        <source>Variations must be between 1 and {max_batch} (got {batch}).</source>
        <comment>generation.batch_out_of_range</comment>
        <translation>변형 수는 1부터 {max_batch}까지여야 합니다(입력값: {batch}).</translation>
    </message>
    <message>
        <source>The guide's strength must be between 0 and {max_strength:g}.</source>
        <comment>generation.control_strength_out_of_range</comment>
        <translation>가이드 강도는 0에서 {max_strength:g} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The ControlNet {name} could not be loaded. Check that it is a complete ControlNet for {family} models, or generate without it.</source>
        <comment>generation.controlnet.load_failed</comment>
        <translation>ControlNet {name}을(를) 불러올 수 없습니다. {family} 모델용 ControlNet 파일이 온전한지 확인하거나 ControlNet 없이 생성하세요.</translation>
    </message>
    <message>
        <source>Not enough memory to load the ControlNet {name} beside the model. Generate without it, or turn on the low-memory options in Settings.</source>
        <comment>generation.controlnet.out_of_memory</comment>
        <translation>모델과 함께 ControlNet {name}을(를) 불러올 메모리가 부족합니다. ControlNet 없이 생성하거나 설정에서 저메모리 옵션을 켜세요.</translation>
    </message>
    <message>
        <source>These generation settings are damaged: one of them holds the wrong kind of value.</source>
        <comment>generation.damaged_settings</comment>
        <translation>생성 설정이 손상되었습니다. 설정 중 하나에 잘못된 종류의 값이 들어 있습니다.</translation>
    </message>
    <message>
        <source>The model produced an empty image: its weights may be damaged; try another model. Nothing was saved.</source>
        <comment>generation.empty_image</comment>
        <translation>모델이 빈 이미지를 만들었습니다. 모델의 가중치가 손상되었을 수 있으니 다른 모델을 사용해 보세요. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>The model produced an empty image: its weights may be damaged; try another model. Nothing was saved. On this graphics processor the model runs in half precision, which some models cannot do: if other models work, choose CPU under Settings › Generation › Device to run this one in full precision.</source>
        <comment>generation.empty_image_half_precision</comment>
        <translation>모델이 빈 이미지를 만들었습니다. 모델의 가중치가 손상되었을 수 있으니 다른 모델을 사용해 보세요. 아무것도 저장하지 않았습니다. 이 그래픽 프로세서에서는 모델이 반정밀도로 실행되는데, 일부 모델은 반정밀도를 지원하지 않습니다. 다른 모델은 잘 된다면 설정 › 생성 › 장치에서 CPU를 골라 이 모델을 전정밀도로 실행하세요.</translation>
    </message>
    <message>
        <source>The model produced an empty image with {addons}: one of them may be damaged; try without it. Nothing was saved.</source>
        <comment>generation.empty_image_with_addons</comment>
        <translation>{addons}을(를) 적용한 모델이 빈 이미지를 만들었습니다. 이 중 하나가 손상되었을 수 있으니 빼고 다시 해 보세요. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>The ControlNet {name} is no longer in the models folder. Choose another ControlNet, or generate without one.</source>
        <comment>generation.guidance.control_gone</comment>
        <translation>ControlNet {name}이(가) 더 이상 모델 폴더에 없습니다. 다른 ControlNet을 선택하거나 ControlNet 없이 생성하세요.</translation>
    </message>
    <message>
        <source>The ControlNet {name} is made for {family} models, but {model} is an {model_family} model. Choose a ControlNet for {model_family}, or generate without one.</source>
        <comment>generation.guidance.control_other_family</comment>
        <translation>ControlNet {name}은(는) {family} 모델용이지만 {model}은(는) {model_family} 모델입니다. {model_family}용 ControlNet을 선택하거나 ControlNet 없이 생성하세요.</translation>
    </message>
    <message>
        <source>The LoRA {name} is no longer in the models folder. Remove it from the list, or put it back in the models folder.</source>
        <comment>generation.guidance.lora_gone</comment>
        <translation>LoRA {name}이(가) 더 이상 모델 폴더에 없습니다. 목록에서 삭제하거나 모델 폴더에 다시 넣으세요.</translation>
    </message>
    <message>
        <source>The LoRA {name} is made for {family} models, but {model} is an {model_family} model. Remove it from the list, or choose an {family} model.</source>
        <comment>generation.guidance.lora_other_family</comment>
        <translation>LoRA {name}은(는) {family} 모델용이지만 {model}은(는) {model_family} 모델입니다. 목록에서 삭제하거나 {family} 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>{name} is not a ControlNet. Choose a ControlNet from the list, or generate without one.</source>
        <comment>generation.guidance.not_a_controlnet</comment>
        <translation>{name}은(는) ControlNet이 아닙니다. 목록에서 ControlNet을 선택하거나 ControlNet 없이 생성하세요.</translation>
    </message>
    <message>
        <source>{name} is not a LoRA. Remove it from the list of LoRAs.</source>
        <comment>generation.guidance.not_a_lora</comment>
        <translation>{name}은(는) LoRA가 아닙니다. LoRA 목록에서 삭제하세요.</translation>
    </message>
    <message>
        <source>Guidance must be between 0 and 30 (got {guidance:g}).</source>
        <comment>generation.guidance_out_of_range</comment>
        <translation>가이던스는 0부터 30까지여야 합니다(입력값: {guidance:g}).</translation>
    </message>
    <message>
        <source>Height</source>
        <comment>generation.height</comment>
        <translation>높이</translation>
    </message>
    <message>
        <source>This picture has no clear outline to take depth from; use Edges as the guide.</source>
        <comment>generation.hint.no_outline</comment>
        <translation>이 그림에는 깊이를 얻을 만한 뚜렷한 윤곽이 없습니다. 가이드로 윤곽선을 사용하세요.</translation>
    </message>
    <message>
        <source>The LoRA {name} does not fit {model}: it was made for a model of another shape. Remove it from the list of LoRAs, or choose the model it was made for.</source>
        <comment>generation.lora.does_not_fit</comment>
        <translation>LoRA {name}은(는) {model}에 맞지 않습니다. 구조가 다른 모델용으로 만들어졌습니다. LoRA 목록에서 삭제하거나 이 LoRA가 만들어진 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>The LoRA {name} could not be read: its file is missing, unreadable or damaged. Put the file back or download it again, or remove it from the list of LoRAs.</source>
        <comment>generation.lora.unreadable</comment>
        <translation>LoRA {name}을(를) 읽을 수 없습니다. 파일이 없거나, 읽을 수 없거나, 손상되었습니다. 파일을 제자리에 두거나 다시 내려받으세요. 또는 LoRA 목록에서 삭제하세요.</translation>
    </message>
    <message>
        <source>The weight of the LoRA '{name}' must be between -{max_weight:g} and {max_weight:g}.</source>
        <comment>generation.lora_weight_out_of_range</comment>
        <translation>LoRA '{name}'의 가중치는 -{max_weight:g}에서 {max_weight:g} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Repainting only the body or only the scene follows the SM6 artwork: start from the SM6 artwork to use it.</source>
        <comment>generation.mask_needs_base</comment>
        <translation>차체만 또는 배경만 다시 그리기는 SM6 아트워크를 따릅니다. 사용하려면 SM6 아트워크에서 시작하세요.</translation>
    </message>
    <message>
        <source>Checking {model}…</source>
        <comment>generation.model_checking</comment>
        <translation>{model} 확인 중…</translation>
    </message>
    <message>
        <source>The model '{model_id}' is not installed any more. Pick another one or import it again.</source>
        <comment>generation.model_gone</comment>
        <translation>'{model_id}' 모델이 더 이상 설치되어 있지 않습니다. 다른 모델을 고르거나 다시 가져오세요.</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <comment>generation.model_loading</comment>
        <translation>{model} 불러오는 중…</translation>
    </message>
    <message>
        <source>CUDA was chosen in Settings but no CUDA GPU is available to this torch build; using the CPU.</source>
        <comment>generation.no_cuda</comment>
        <translation>설정에서 CUDA를 골랐지만 이 torch 빌드에서 쓸 수 있는 CUDA GPU가 없어 CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>Pick the design to refine first.</source>
        <comment>generation.no_design_to_refine</comment>
        <translation>먼저 다듬을 디자인을 고르세요.</translation>
    </message>
    <message>
        <source>No model yet. Import a Stable Diffusion model, or try the demo model.</source>
        <comment>generation.no_model_yet</comment>
        <translation>아직 모델이 없습니다. Stable Diffusion 모델을 가져오거나 데모 모델을 사용해 보세요.</translation>
    </message>
    <message>
        <source>Apple GPU (MPS) was chosen in Settings but is not available; using the CPU.</source>
        <comment>generation.no_mps</comment>
        <translation>설정에서 Apple GPU(MPS)를 골랐지만 사용할 수 없어 CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>Load a sketch or photo to start from first.</source>
        <comment>generation.no_picture_loaded</comment>
        <translation>먼저 시작할 스케치나 사진을 불러오세요.</translation>
    </message>
    <message>
        <source>Not enough memory to generate this. Choose a smaller size or fewer variations, or turn on the low-memory options in Settings.</source>
        <comment>generation.out_of_memory</comment>
        <translation>생성할 메모리가 부족합니다. 크기를 줄이거나 변형 수를 줄이거나, 설정에서 저메모리 옵션을 켜세요.</translation>
    </message>
    <message>
        <source>The shared pass this design was made in is not one this app can repeat (at most {max_pass} images, and a row inside it).</source>
        <comment>generation.pass_out_of_range</comment>
        <translation>이 디자인이 만들어진 공동 생성 묶음은 이 앱에서 다시 만들 수 없습니다(최대 {max_pass}장이고, 그 안의 순서가 맞아야 합니다).</translation>
    </message>
    <message>
        <source>The picture could not be kept</source>
        <comment>generation.picture.cannot_keep</comment>
        <translation>그림을 보관할 수 없습니다</translation>
    </message>
    <message>
        <source>This picture is damaged and cannot be read to its end. Save it again and load the new copy.</source>
        <comment>generation.picture.damaged</comment>
        <translation>이 그림은 손상되어 끝까지 읽을 수 없습니다. 다시 저장한 뒤 새 사본을 불러오세요.</translation>
    </message>
    <message>
        <source>This picture declares a size far larger than the app opens, so it was not opened. Save a smaller copy and load that.</source>
        <comment>generation.picture.far_too_large</comment>
        <translation>이 그림은 앱에서 열 수 있는 크기보다 훨씬 크다고 표시되어 있어 열지 않았습니다. 더 작은 사본을 저장한 뒤 불러오세요.</translation>
    </message>
    <message>
        <source>This picture's file is larger than {max_mb} MB. Save a smaller copy and load that.</source>
        <comment>generation.picture.file_too_large</comment>
        <translation>이 그림 파일은 {max_mb}MB보다 큽니다. 더 작은 사본을 저장한 뒤 불러오세요.</translation>
    </message>
    <message>
        <source>The loaded sketch or photo is no longer in the app's picture folder. Load it again.</source>
        <comment>generation.picture.gone</comment>
        <translation>불러온 스케치나 사진이 앱의 그림 폴더에 더 이상 없습니다. 다시 불러오세요.</translation>
    </message>
    <message>
        <source>This file is not a picture the app can open. Load a PNG, JPEG, WebP, GIF, BMP or TIFF file.</source>
        <comment>generation.picture.not_a_picture</comment>
        <translation>이 파일은 앱에서 열 수 있는 그림이 아닙니다. PNG, JPEG, WebP, GIF, BMP 또는 TIFF 파일을 불러오세요.</translation>
    </message>
    <message>
        <source>This picture is {width}×{height} pixels, more than the app opens (at most {max_side} pixels a side). Save a smaller copy and load that.</source>
        <comment>generation.picture.too_many_pixels</comment>
        <translation>이 그림은 {width}×{height} 픽셀로, 앱에서 열 수 있는 크기(한 변 최대 {max_side} 픽셀)보다 큽니다. 더 작은 사본을 저장한 뒤 불러오세요.</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that it still exists and that you may open it.</source>
        <comment>generation.picture.unreadable_file</comment>
        <translation>파일을 읽을 수 없습니다. 파일이 아직 있는지, 열 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>The model could not be loaded. Generate to try again, or choose another model.</source>
        <comment>generation.preload_failed</comment>
        <translation>모델을 불러올 수 없습니다. 생성을 눌러 다시 시도하거나 다른 모델을 고르세요.</translation>
    </message>
    <message>
        <source>The style presets file</source>
        <comment>generation.presets_file</comment>
        <translation>스타일 프리셋 파일</translation>
    </message>
    <message>
        <source>Describe your SM6 first: the prompt is empty.</source>
        <comment>generation.prompt_empty</comment>
        <translation>먼저 원하는 SM6를 설명하세요. 프롬프트가 비어 있습니다.</translation>
    </message>
    <message>
        <source>The prompt is too long ({count} characters); keep it under {max_prompt_chars}.</source>
        <comment>generation.prompt_too_long</comment>
        <translation>프롬프트가 너무 깁니다({count}자). {max_prompt_chars}자 미만으로 줄이세요.</translation>
    </message>
    <message>
        <source>Seed must be between 0 and {max_seed}.</source>
        <comment>generation.seed_out_of_range</comment>
        <translation>시드는 0부터 {max_seed}까지여야 합니다.</translation>
    </message>
    <message>
        <source>{name} must be a multiple of 8 pixels: try {lower} or {upper} instead of {value}.</source>
        <comment>generation.side_not_multiple_of_8</comment>
        <translation>{name} 값은 8픽셀의 배수여야 합니다. {value} 대신 {lower} 또는 {upper} 중 하나를 써 보세요.</translation>
    </message>
    <message>
        <source>{name} must be between {min_side} and {max_side} pixels (got {value}).</source>
        <comment>generation.side_out_of_range</comment>
        <translation>{name} 값은 {min_side}~{max_side}픽셀이어야 합니다(입력값: {value}).</translation>
    </message>
    <message>
        <source>The design to refine is no longer in the library.</source>
        <comment>generation.source_gone</comment>
        <translation>다듬을 디자인이 더 이상 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <source>The design you started from can no longer be read: its image file is missing or damaged. Start from another design or from the SM6 base artwork.</source>
        <comment>generation.source_unreadable</comment>
        <translation>시작한 디자인을 더 이상 읽을 수 없습니다. 이미지 파일이 없거나 손상되었습니다. 다른 디자인이나 SM6 기본 아트워크에서 시작하세요.</translation>
    </message>
    <message>
        <source>Steps must be between 1 and {max_steps} (got {steps}).</source>
        <comment>generation.steps_out_of_range</comment>
        <translation>단계는 1부터 {max_steps}까지여야 합니다(입력값: {steps}).</translation>
    </message>
    <message>
        <source>Keep-shape must leave at least a little room to change (strength 0.05–1).</source>
        <comment>generation.strength_out_of_range</comment>
        <translation>형태 유지는 바뀔 여지를 조금은 남겨야 합니다(강도 0.05–1).</translation>
    </message>
    <message>
        <source>This design was finished with the fast decoder (TAESD); put TAESD in the models folder to reproduce it.</source>
        <comment>generation.taesd.missing</comment>
        <translation>이 디자인은 고속 디코더(TAESD)로 완성되었습니다. 재현하려면 모델 폴더에 TAESD를 넣으세요.</translation>
    </message>
    <message>
        <source>Use at most {max_loras} LoRAs at once.</source>
        <comment>generation.too_many_loras</comment>
        <translation>LoRA는 한 번에 최대 {max_loras}개까지 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Generation stopped because of an unexpected problem. Try again; if it happens again, try another model or smaller settings, and keep the details for a support request.</source>
        <comment>generation.unexpected_failure</comment>
        <translation>예상하지 못한 문제로 생성이 중단되었습니다. 다시 시도하세요. 또 그러면 다른 모델이나 더 작은 설정을 사용해 보고, 지원 요청을 위해 자세한 내용을 보관하세요.</translation>
    </message>
    <message>
        <source>Unknown final decoder '{decoder}'. Choose vae or taesd.</source>
        <comment>generation.unknown_decoder</comment>
        <translation>알 수 없는 최종 디코더 '{decoder}'입니다. vae 또는 taesd를 고르세요.</translation>
    </message>
    <message>
        <source>Unknown device '{preference}' in Settings; choose auto, cuda, mps or cpu.</source>
        <comment>generation.unknown_device</comment>
        <translation>설정의 장치 '{preference}'을(를) 알 수 없습니다. auto, cuda, mps, cpu 중에서 고르세요.</translation>
    </message>
    <message>
        <source>Unknown guide '{hint}'. Choose one of: {choices}.</source>
        <comment>generation.unknown_hint</comment>
        <translation>알 수 없는 가이드 '{hint}'입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Unknown mask '{mask}'. Choose one of: {choices}.</source>
        <comment>generation.unknown_mask</comment>
        <translation>알 수 없는 마스크 '{mask}'입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Unknown sampler '{scheduler}'. Choose one of: {choices}.</source>
        <comment>generation.unknown_sampler</comment>
        <translation>알 수 없는 샘플러 '{scheduler}'입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Unknown starting image '{source}'.</source>
        <comment>generation.unknown_source</comment>
        <translation>알 수 없는 시작 이미지 '{source}'입니다.</translation>
    </message>
    <message>
        <source>Unknown view '{view}'. Choose one of: {choices}.</source>
        <comment>generation.unknown_view</comment>
        <translation>알 수 없는 시점 '{view}'입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Width</source>
        <comment>generation.width</comment>
        <translation>너비</translation>
    </message>
    <message>
        <source>{name} is damaged: {why}. Download or copy it again, then re-import it.</source>
        <comment>model.checkpoint_damaged</comment>
        <translation>{name}이(가) 손상되었습니다: {why}. 다시 내려받거나 복사한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a full Stable Diffusion checkpoint (it has no UNet). Import a complete SD 1.x, SD 2.x or SDXL checkpoint.</source>
        <comment>model.checkpoint_not_full</comment>
        <translation>{name}은(는) 완전한 Stable Diffusion 체크포인트가 아니라 {kind}입니다(UNet이 없음). 완전한 SD 1.x, SD 2.x 또는 SDXL 체크포인트를 가져오세요.</translation>
    </message>
    <message>
        <source>{name} has a UNet but no text encoder SM6 Studio recognises, so its architecture is unknown. Use a standard SD 1.x, SD 2.x or SDXL checkpoint.</source>
        <comment>model.checkpoint_unknown_text_encoder</comment>
        <translation>{name}에는 UNet이 있지만 SM6 Studio가 알아볼 수 있는 텍스트 인코더가 없어 구조를 알 수 없습니다. 표준 SD 1.x, SD 2.x 또는 SDXL 체크포인트를 사용하세요.</translation>
    </message>
    <message>
        <source>{name} is {what}, which SM6 Studio does not support yet. Use an SD 1.x, SD 2.x or SDXL checkpoint.</source>
        <comment>model.checkpoint_unsupported</comment>
        <translation>{name}은(는) SM6 Studio가 아직 지원하지 않는 {what}입니다. SD 1.x, SD 2.x 또는 SDXL 체크포인트를 사용하세요.</translation>
    </message>
    <message>
        <source>has sampler settings that no sampler can use</source>
        <comment>model.config_bad_sampler</comment>
        <translation>어떤 샘플러도 쓸 수 없는 샘플러 설정이 들어 있습니다</translation>
    </message>
    <message>
        <source>asks for layer counts or sizes that no Stable Diffusion model has</source>
        <comment>model.config_impossible_sizes</comment>
        <translation>어떤 Stable Diffusion 모델에도 없는 층 수나 크기를 요구합니다</translation>
    </message>
    <message>
        <source>{name} is damaged: its config.json does not give the ControlNet's cross-attention width as a number. Copy the whole folder again.</source>
        <comment>model.controlnet_bad_config</comment>
        <translation>{name}이(가) 손상되었습니다: config.json에 ControlNet의 교차 어텐션 너비가 숫자로 적혀 있지 않습니다. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is a ControlNet whose parts belong to different model families, so it is damaged. Download it again.</source>
        <comment>model.controlnet_mixed_families</comment>
        <translation>{name}은(는) 부분마다 모델 계열이 다른 ControlNet이므로 손상된 파일입니다. 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} looks like a ControlNet but has no guide input (its conditioning layers are missing), so it is damaged or not a ControlNet. Download it again.</source>
        <comment>model.controlnet_no_guide_input</comment>
        <translation>{name}은(는) ControlNet처럼 보이지만 가이드 입력(컨디셔닝 레이어)이 없으므로 손상되었거나 ControlNet이 아닙니다. 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} only has pickled .bin weights, which SM6 Studio does not load because pickle files can run code. Use its .safetensors version.</source>
        <comment>model.controlnet_pickled</comment>
        <translation>{name}에는 pickle 형식의 .bin 가중치만 있습니다. pickle 파일은 코드를 실행할 수 있어 SM6 Studio는 불러오지 않습니다. .safetensors 버전을 사용하세요.</translation>
    </message>
    <message>
        <source>{name} is a ControlNet, but SM6 Studio cannot tell whether it is for SD 1.x, SD 2.x or SDXL, so it is not offered. Use a ControlNet made for one of them.</source>
        <comment>model.controlnet_unknown_family</comment>
        <translation>{name}은(는) ControlNet이지만 SD 1.x, SD 2.x, SDXL 중 어느 것용인지 SM6 Studio가 알 수 없어 제공하지 않습니다. 이 중 하나를 위해 만든 ControlNet을 사용하세요.</translation>
    </message>
    <message>
        <source>the drive reported an error</source>
        <comment>model.copy_drive_error</comment>
        <translation>드라이브 오류</translation>
    </message>
    <message>
        <source>SM6 Studio was not allowed to read or write a file</source>
        <comment>model.copy_not_allowed</comment>
        <translation>SM6 Studio에 파일 읽기 또는 쓰기 권한이 없음</translation>
    </message>
    <message>
        <source>its header length does not fit the file</source>
        <comment>model.corrupt_header_length</comment>
        <translation>헤더 길이가 파일과 맞지 않음</translation>
    </message>
    <message>
        <source>its header is not a table of tensors</source>
        <comment>model.corrupt_header_not_table</comment>
        <translation>헤더가 텐서 목록이 아님</translation>
    </message>
    <message>
        <source>its header {problem}</source>
        <comment>model.corrupt_header_problem</comment>
        <translation>헤더: {problem}</translation>
    </message>
    <message>
        <source>its metadata block is not a table of texts</source>
        <comment>model.corrupt_metadata_not_texts</comment>
        <translation>메타데이터 블록이 텍스트 목록이 아님</translation>
    </message>
    <message>
        <source>a tensor in its header has an unknown number type</source>
        <comment>model.corrupt_tensor_dtype</comment>
        <translation>헤더의 텐서 하나가 알 수 없는 숫자 형식임</translation>
    </message>
    <message>
        <source>a tensor in its header is described incompletely</source>
        <comment>model.corrupt_tensor_incomplete</comment>
        <translation>헤더의 텐서 하나에 대한 설명이 불완전함</translation>
    </message>
    <message>
        <source>tensors in its header overlap or leave gaps</source>
        <comment>model.corrupt_tensor_layout</comment>
        <translation>헤더의 텐서들이 겹치거나 사이에 빈틈이 있음</translation>
    </message>
    <message>
        <source>a tensor in its header has impossible data offsets</source>
        <comment>model.corrupt_tensor_offsets</comment>
        <translation>헤더의 텐서 하나가 불가능한 데이터 위치를 가리킴</translation>
    </message>
    <message>
        <source>a tensor in its header has an impossible shape</source>
        <comment>model.corrupt_tensor_shape</comment>
        <translation>헤더의 텐서 하나가 불가능한 모양임</translation>
    </message>
    <message>
        <source>a tensor's size in its header does not match its shape</source>
        <comment>model.corrupt_tensor_size</comment>
        <translation>헤더에 적힌 텐서 크기가 모양과 맞지 않음</translation>
    </message>
    <message>
        <source>it is empty or shorter than a safetensors header</source>
        <comment>model.corrupt_too_short</comment>
        <translation>비어 있거나 safetensors 헤더보다 짧음</translation>
    </message>
    <message>
        <source>it has data after its last tensor, which a safetensors file never has</source>
        <comment>model.corrupt_trailing_data</comment>
        <translation>마지막 텐서 뒤에 데이터가 있음 (safetensors 파일에는 없는 것)</translation>
    </message>
    <message>
        <source>it is truncated ({missing} missing) — the download or copy did not finish</source>
        <comment>model.corrupt_truncated</comment>
        <translation>파일이 잘렸음({missing} 부족) — 내려받기나 복사가 끝나지 않음</translation>
    </message>
    <message>
        <source>{name} is damaged: its model_index.json describes a part SM6 Studio cannot make sense of. Copy the whole folder again.</source>
        <comment>model.folder_bad_component</comment>
        <translation>{name}이(가) 손상되었습니다. model_index.json에 SM6 Studio가 이해할 수 없는 구성 요소가 있습니다. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is damaged: its {relative} {problem}. Copy the whole folder again.</source>
        <comment>model.folder_bad_config</comment>
        <translation>{name}이(가) 손상되었습니다. {relative}: {problem} 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is damaged: its unet/config.json gives cross_attention_dim as something other than a number. Copy the whole folder again.</source>
        <comment>model.folder_bad_cross_attention</comment>
        <translation>{name}이(가) 손상되었습니다. unet/config.json의 cross_attention_dim이 숫자가 아닙니다. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is damaged: {component}/{file} cannot be used. Copy the whole folder again.</source>
        <comment>model.folder_damaged_weights</comment>
        <translation>{name}이(가) 손상되었습니다. {component}/{file}을(를) 사용할 수 없습니다. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is incomplete: {listed} missing. Copy the whole folder again.</source>
        <comment>model.folder_incomplete</comment>
        <translation>{name}이(가) 불완전합니다. 빠진 것: {listed}. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is damaged: its model_index.json does not say which pipeline it is. Copy the whole folder again.</source>
        <comment>model.folder_no_pipeline_class</comment>
        <translation>{name}이(가) 손상되었습니다. model_index.json에 어떤 파이프라인인지 적혀 있지 않습니다. 폴더 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a checkpoint file. Put the .safetensors file itself in the models folder.</source>
        <comment>model.folder_not_checkpoint</comment>
        <translation>{name}은(는) 체크포인트 파일이 아니라 폴더입니다. .safetensors 파일 자체를 모델 폴더에 넣으세요.</translation>
    </message>
    <message>
        <source>{name}/{component} only has pickled .bin weights, which SM6 Studio does not load because pickle files can run code. Convert the folder to safetensors first.</source>
        <comment>model.folder_pickled_weights</comment>
        <translation>{name}/{component}에는 pickle 형식의 .bin 가중치만 있습니다. pickle 파일은 코드를 실행할 수 있어 SM6 Studio는 불러오지 않습니다. 먼저 폴더를 safetensors로 변환하세요.</translation>
    </message>
    <message>
        <source>{name} is a {pipeline} folder; SM6 Studio runs SD 1.x, SD 2.x and SDXL pipelines.</source>
        <comment>model.folder_unsupported_pipeline</comment>
        <translation>{name}은(는) {pipeline} 폴더입니다. SM6 Studio는 SD 1.x, SD 2.x, SDXL 파이프라인을 실행합니다.</translation>
    </message>
    <message>
        <source>{name} is already in your models folder, so there is nothing to import.</source>
        <comment>model.import_already_there</comment>
        <translation>{name}은(는) 이미 모델 폴더에 있어 가져올 것이 없습니다.</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was added to your models.</source>
        <comment>model.import_cancelled</comment>
        <translation>가져오기를 취소했습니다. 모델에 추가된 것은 없습니다.</translation>
    </message>
    <message>
        <source>Copying {name} failed: {why}. Nothing was added to your models; check the drive and try again.</source>
        <comment>model.import_copy_failed</comment>
        <translation>{name}을(를) 복사하지 못했습니다: {why}. 모델에 추가된 것은 없습니다. 드라이브를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Not enough disk space to import {name} ({needed} needed in {folder}). Free some space, or choose "Link" to use the model where it is.</source>
        <comment>model.import_disk_full</comment>
        <translation>{name}을(를) 가져올 디스크 공간이 부족합니다({folder}에 {needed} 필요). 공간을 확보하거나 "링크"를 골라 모델을 지금 위치에서 사용하세요.</translation>
    </message>
    <message>
        <source>Not enough disk space to import {name} ({needed} needed, {free} free in {folder}). Free some space, or choose "Link" to use the model where it is.</source>
        <comment>model.import_disk_full_free</comment>
        <translation>{name}을(를) 가져올 디스크 공간이 부족합니다({folder}에 {needed} 필요, {free} 남음). 공간을 확보하거나 "링크"를 골라 모델을 지금 위치에서 사용하세요.</translation>
    </message>
    <message>
        <source>{name} is a hidden file or folder. Rename it so it doesn't start with a dot.</source>
        <comment>model.import_hidden</comment>
        <translation>{name}은(는) 숨김 파일 또는 폴더입니다. 이름이 점으로 시작하지 않도록 바꾸세요.</translation>
    </message>
    <message>
        <source>SM6 Studio could not create a link to {name}: this system or drive does not allow it. Choose "Copy into SM6 Studio" instead.</source>
        <comment>model.import_link_unsupported</comment>
        <translation>SM6 Studio가 {name}에 대한 링크를 만들 수 없습니다. 이 시스템이나 드라이브는 링크를 허용하지 않습니다. 대신 "SM6 Studio로 복사"를 고르세요.</translation>
    </message>
    <message>
        <source>SM6 Studio cannot create the models folder {dest_dir}. Check that the drive is writable, then try again.</source>
        <comment>model.import_models_folder_failed</comment>
        <translation>SM6 Studio가 모델 폴더 {dest_dir}을(를) 만들 수 없습니다. 드라이브에 쓸 수 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A model named {name} is already in {folder}. Rename the file or folder you are importing, or remove the existing one first. Nothing was replaced.</source>
        <comment>model.import_name_taken</comment>
        <translation>{name}(이)라는 모델이 이미 {folder}에 있습니다. 가져오는 파일이나 폴더의 이름을 바꾸거나, 먼저 기존 모델을 삭제하세요. 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} is not a model file. SM6 Studio imports Stable Diffusion 1.x, 2.x and SDXL checkpoints as .safetensors files, or diffusers model folders.</source>
        <comment>model.import_not_a_model_file</comment>
        <translation>{name}은(는) 모델 파일이 아닙니다. SM6 Studio는 Stable Diffusion 1.x, 2.x, SDXL 체크포인트를 .safetensors 파일이나 diffusers 모델 폴더로 가져옵니다.</translation>
    </message>
    <message>
        <source>{name} is not a diffusers model folder: it has no model_index.json. Choose the folder that contains model_index.json, or a single .safetensors checkpoint.</source>
        <comment>model.import_not_a_model_folder</comment>
        <translation>{name}은(는) diffusers 모델 폴더가 아닙니다. model_index.json이 없습니다. model_index.json이 들어 있는 폴더나 .safetensors 체크포인트 파일 하나를 고르세요.</translation>
    </message>
    <message>
        <source>{source} does not exist. It may have been moved or deleted; choose it again.</source>
        <comment>model.import_source_missing</comment>
        <translation>{source}이(가) 없습니다. 옮겨졌거나 삭제되었을 수 있으니 다시 고르세요.</translation>
    </message>
    <message>
        <source>a LoRA</source>
        <comment>model.kind_lora</comment>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>not a full Stable Diffusion checkpoint</source>
        <comment>model.kind_not_full</comment>
        <translation>불완전한 체크포인트</translation>
    </message>
    <message>
        <source>a VAE</source>
        <comment>model.kind_vae</comment>
        <translation>VAE</translation>
    </message>
    <message>
        <source>{name} is a link that leads back to itself. Delete the link, then import the model again.</source>
        <comment>model.link_loop</comment>
        <translation>{name}은(는) 자기 자신을 가리키는 링크입니다. 링크를 삭제한 뒤 모델을 다시 가져오세요.</translation>
    </message>
    <message>
        <source>{model} could not be loaded: the file may be damaged or not a standard {arch} model. Try re-importing it, or choose another model.</source>
        <comment>model.load_failed</comment>
        <translation>{model}을(를) 불러올 수 없습니다. 파일이 손상되었거나 표준 {arch} 모델이 아닐 수 있습니다. 다시 가져오거나 다른 모델을 고르세요.</translation>
    </message>
    <message>
        <source>Not enough memory to load {model}. Close other programs or turn on low-memory options in Settings.</source>
        <comment>model.load_out_of_memory</comment>
        <translation>{model}을(를) 불러올 메모리가 부족합니다. 다른 프로그램을 닫거나 설정에서 저메모리 옵션을 켜세요.</translation>
    </message>
    <message>
        <source>{name} is a LoRA whose weights do not fit together, so it is damaged. Download it again.</source>
        <comment>model.lora_bad_shapes</comment>
        <translation>{name}은(는) 가중치가 서로 맞지 않는 LoRA이므로 손상된 파일입니다. 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} is a LyCORIS file (LoHa, LoKr or OFT), which SM6 Studio cannot apply. Use a plain LoRA (.safetensors).</source>
        <comment>model.lora_lycoris</comment>
        <translation>{name}은(는) SM6 Studio가 적용할 수 없는 LyCORIS 파일(LoHa, LoKr 또는 OFT)입니다. 일반 LoRA(.safetensors)를 사용하세요.</translation>
    </message>
    <message>
        <source>{name} is a LoRA whose parts belong to different model families, so it is damaged. Download it again.</source>
        <comment>model.lora_mixed_families</comment>
        <translation>{name}은(는) 부분마다 모델 계열이 다른 LoRA이므로 손상된 파일입니다. 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} mixes two LoRA layouts (kohya and diffusers) in one file, so it is damaged or half converted. Download it again.</source>
        <comment>model.lora_mixed_layouts</comment>
        <translation>{name}은(는) 한 파일에 두 가지 LoRA 형식(kohya와 diffusers)이 섞여 있어 손상되었거나 변환이 덜 되었습니다. 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} is a LoRA, but SM6 Studio cannot tell whether it is for SD 1.x, SD 2.x or SDXL, so it is not offered. Use a LoRA made for one of them.</source>
        <comment>model.lora_unknown_family</comment>
        <translation>{name}은(는) LoRA이지만 SD 1.x, SD 2.x, SDXL 중 어느 것용인지 SM6 Studio가 알 수 없어 제공하지 않습니다. 이 중 하나를 위해 만든 LoRA를 사용하세요.</translation>
    </message>
    <message>
        <source>{name} is no longer there (or is a link to something that was moved). Import the model again.</source>
        <comment>model.no_longer_there</comment>
        <translation>{name}이(가) 더 이상 없습니다(또는 옮겨진 대상을 가리키는 링크입니다). 모델을 다시 가져오세요.</translation>
    </message>
    <message>
        <source>{model} is a ControlNet or LoRA, not a model that paints on its own. Choose a checkpoint as the model.</source>
        <comment>model.not_a_checkpoint</comment>
        <translation>{model}은(는) ControlNet 또는 LoRA로, 혼자서 그림을 그리는 모델이 아닙니다. 모델로는 체크포인트를 선택하세요.</translation>
    </message>
    <message>
        <source>SM6 Studio is not allowed to read {name}. Check its permissions (your user must be able to read it), then check again.</source>
        <comment>model.not_allowed_to_read</comment>
        <translation>SM6 Studio에 {name}을(를) 읽을 권한이 없습니다. 권한을 확인하고(현재 사용자가 읽을 수 있어야 합니다) 다시 확인하세요.</translation>
    </message>
    <message>
        <source>{name} is a pickled checkpoint ({suffix}). Pickle files can run arbitrary code when they are loaded, so SM6 Studio does not open them. Convert it to .safetensors (for example with the "Checkpoint Merger" or a conversion script) or download the .safetensors version, then import that.</source>
        <comment>model.pickled_checkpoint</comment>
        <translation>{name}은(는) pickle 형식의 체크포인트({suffix})입니다. pickle 파일은 불러올 때 임의의 코드를 실행할 수 있어 SM6 Studio는 열지 않습니다. .safetensors로 변환하거나(예: "Checkpoint Merger"나 변환 스크립트 사용) .safetensors 버전을 내려받은 뒤 그 파일을 가져오세요.</translation>
    </message>
    <message>
        <source>SM6 Studio could not check {name}, so it is not offered. Copy it again, or remove it from the models folder.</source>
        <comment>model.uncheckable</comment>
        <translation>SM6 Studio가 {name}을(를) 확인할 수 없어 목록에 넣지 않았습니다. 다시 복사하거나 모델 폴더에서 삭제하세요.</translation>
    </message>
    <message>
        <source>{name} cannot be read from the disk. Check the drive, or copy the model again.</source>
        <comment>model.unreadable</comment>
        <translation>디스크에서 {name}을(를) 읽을 수 없습니다. 드라이브를 확인하거나 모델을 다시 복사하세요.</translation>
    </message>
    <message>
        <source>an inpainting or instruct model (its UNet takes extra input channels)</source>
        <comment>model.unsupported_inpainting</comment>
        <translation>인페인팅 또는 인스트럭트 모델(UNet이 추가 입력 채널을 받음)</translation>
    </message>
    <message>
        <source>Playground v2.5</source>
        <comment>model.unsupported_playground</comment>
        <translation>Playground v2.5</translation>
    </message>
    <message>
        <source>the SDXL refiner</source>
        <comment>model.unsupported_refiner</comment>
        <translation>SDXL 리파이너</translation>
    </message>
    <message>
        <source>an SD 2.x inpainting checkpoint as a single file (use its diffusers folder)</source>
        <comment>model.unsupported_sd2_inpainting</comment>
        <translation>단일 파일로 된 SD 2.x 인페인팅 체크포인트(diffusers 폴더를 사용하세요)</translation>
    </message>
    <message>
        <source>an unknown SDXL-family model</source>
        <comment>model.unsupported_sdxl_family</comment>
        <translation>알 수 없는 SDXL 계열 모델</translation>
    </message>
    <message>
        <source>{model} cannot be used.</source>
        <comment>model.unusable</comment>
        <translation>{model}을(를) 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>{model} is damaged: its {part} has layers with no weights behind them. Copy the whole model again, or choose another model.</source>
        <comment>model.weights_missing</comment>
        <translation>{model}이(가) 손상되었습니다: {part}에 가중치가 없는 층이 있습니다. 모델 전체를 다시 복사하거나 다른 모델을 선택하세요.</translation>
    </message>
</context>
</TS>
