<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>FirstRunView</name>
    <message>
        <source>No model yet</source>
        <translation>아직 모델이 없습니다</translation>
    </message>
    <message>
        <source>SM6 Studio paints your car with a Stable Diffusion model that runs on this computer. Get a Stable Diffusion 1.5, 2.x or SDXL checkpoint as a .safetensors file from its publisher or a model site, then import it.</source>
        <translation>SM6 Studio는 이 컴퓨터에서 실행되는 Stable Diffusion 모델로 자동차를 그립니다. 배포처나 모델 사이트에서 Stable Diffusion 1.5, 2.x 또는 SDXL 체크포인트를 .safetensors 파일로 받은 뒤 가져오세요.</translation>
    </message>
    <message>
        <source>Import model…</source>
        <translation>모델 가져오기…</translation>
    </message>
    <message>
        <source>Import a .safetensors checkpoint or a diffusers folder ({shortcut})</source>
        <translation>.safetensors 체크포인트나 diffusers 폴더를 가져옵니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Try the demo model</source>
        <translation>데모 모델 사용해 보기</translation>
    </message>
    <message>
        <source>Build a small demo model on this computer (a few seconds, no download)</source>
        <translation>이 컴퓨터에서 작은 데모 모델을 만듭니다 (몇 초, 다운로드 없음)</translation>
    </message>
    <message>
        <source>Random weights, abstract images — for trying the workflow, not for real designs</source>
        <translation>무작위 가중치로 추상 이미지를 만듭니다 — 실제 디자인이 아니라 작업 흐름 체험용입니다</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>작업 중</translation>
    </message>
    <message>
        <source>Or use a models folder</source>
        <translation>또는 모델 폴더 사용</translation>
    </message>
    <message>
        <source>SM6 Studio finds checkpoints and diffusers folders you copy into either folder.</source>
        <translation>두 폴더 중 어디에든 체크포인트나 diffusers 폴더를 복사하면 SM6 Studio가 찾아냅니다.</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>내 모델</translation>
    </message>
    <message>
        <source>Open models folder</source>
        <translation>모델 폴더 열기</translation>
    </message>
    <message>
        <source>Beside the app</source>
        <translation>앱과 같은 위치</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Look for new models in these folders</source>
        <translation>이 폴더에서 새 모델을 찾습니다</translation>
    </message>
    <message>
        <source>Found, but can&apos;t be used</source>
        <translation>찾았지만 사용할 수 없음</translation>
    </message>
    <message>
        <source>Skipped {name}: {reason}</source>
        <translation>{name} 건너뜀: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Single file</source>
        <translation>단일 파일</translation>
    </message>
    <message>
        <source>Diffusers folder</source>
        <translation>Diffusers 폴더</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <source>Models, ControlNets and LoRAs (*.safetensors);;All files (*)</source>
        <translation>모델, ControlNet, LoRA (*.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Goes into the {folder} folder of your models, with the other ControlNets.</source>
        <translation>내 모델의 {folder} 폴더에 다른 ControlNet과 함께 들어갑니다.</translation>
    </message>
    <message>
        <source>Goes into the {folder} folder of your models, with the other LoRAs.</source>
        <translation>내 모델의 {folder} 폴더에 다른 LoRA와 함께 들어갑니다.</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion checkpoint, ControlNet or LoRA (.safetensors), or a diffusers model or ControlNet folder. SM6 Studio checks it before copying anything.</source>
        <translation>Stable Diffusion 체크포인트, ControlNet 또는 LoRA(.safetensors) 파일이나 diffusers 모델 또는 ControlNet 폴더를 선택하세요. SM6 Studio는 복사하기 전에 먼저 확인합니다.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>How to add it</source>
        <translation>추가 방법</translation>
    </message>
    <message>
        <source>Copy into SM6 Studio</source>
        <translation>SM6 Studio로 복사</translation>
    </message>
    <message>
        <source>Link (saves disk space)</source>
        <translation>링크 (디스크 공간 절약)</translation>
    </message>
    <message>
        <source>Uses the model where it is now. Keep it there: moving or deleting the original removes it from SM6 Studio.</source>
        <translation>모델을 지금 위치에서 그대로 사용합니다. 원본을 옮기거나 삭제하면 SM6 Studio에서도 사라지므로 그 자리에 두세요.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>가져오기 진행률</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Import the model (Enter)</source>
        <translation>모델을 가져옵니다 (Enter)</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>준비 중…</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>모델 파일 선택</translation>
    </message>
    <message>
        <source>Choose a diffusers model folder</source>
        <translation>diffusers 모델 폴더 선택</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Copying… {done} of {total}</source>
        <translation>복사 중… {total} 중 {done}</translation>
    </message>
    <message>
        <source>Makes its own copy in your models folder; the original can then be moved or deleted.</source>
        <translation>모델 폴더에 사본을 만듭니다. 그 후에는 원본을 옮기거나 삭제해도 됩니다.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>Stop copying; nothing is kept (Esc)</source>
        <translation>복사를 멈춥니다. 아무것도 남기지 않습니다 (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close without importing (Esc)</source>
        <translation>가져오지 않고 닫습니다 (Esc)</translation>
    </message>
    <message>
        <source>Makes its own copy ({size}) in your models folder. The original can then be moved or deleted.</source>
        <translation>모델 폴더에 사본({size})을 만듭니다. 그 후에는 원본을 옮기거나 삭제해도 됩니다.</translation>
    </message>
    <message>
        <source>Makes its own copy ({size}) in your models folder; {free} free there. The original can then be moved or deleted.</source>
        <translation>모델 폴더에 사본({size})을 만듭니다. 그곳의 남은 공간은 {free}입니다. 그 후에는 원본을 옮기거나 삭제해도 됩니다.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>ControlNets (shape guides)</source>
        <translation>ControlNet (형태 가이드)</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>No ControlNet yet. A ControlNet keeps the SM6&apos;s outline while the model paints: import one, or put it in the controlnet folder of your models.</source>
        <translation>아직 ControlNet이 없습니다. ControlNet은 모델이 그리는 동안 SM6의 윤곽을 지켜 줍니다. 가져오거나 내 모델의 controlnet 폴더에 넣으세요.</translation>
    </message>
    <message>
        <source>No LoRA yet. A LoRA adds a style or a look to a model of its family: import one, or put it in the lora folder of your models.</source>
        <translation>아직 LoRA가 없습니다. LoRA는 같은 계열의 모델에 스타일이나 분위기를 더합니다. 가져오거나 내 모델의 lora 폴더에 넣으세요.</translation>
    </message>
    <message>
        <source>No model yet. Import a Stable Diffusion checkpoint or a diffusers folder.</source>
        <translation>아직 모델이 없습니다. Stable Diffusion 체크포인트나 diffusers 폴더를 가져오세요.</translation>
    </message>
    <message>
        <source>Inpainting</source>
        <translation>인페인팅</translation>
    </message>
    <message>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <source>LCM</source>
        <translation>LCM</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>윤곽선</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>설치된 모델</translation>
    </message>
    <message>
        <source>Models paint your SM6; ControlNets keep its shape; LoRAs add a style. Each must be of the model&apos;s family (SD 1.x, SD 2.x or SDXL).</source>
        <translation>모델은 SM6를 그리고, ControlNet은 형태를 지키고, LoRA는 스타일을 더합니다. 모두 모델과 같은 계열(SD 1.x, SD 2.x 또는 SDXL)이어야 합니다.</translation>
    </message>
    <message>
        <source>Import model…</source>
        <translation>모델 가져오기…</translation>
    </message>
    <message>
        <source>Import a checkpoint, ControlNet or LoRA</source>
        <translation>체크포인트, ControlNet 또는 LoRA 가져오기</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Look for new models in the models folders</source>
        <translation>모델 폴더에서 새 모델 찾기</translation>
    </message>
    <message>
        <source>{name} can&apos;t be used: {reason}</source>
        <translation>{name}은(는) 사용할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{size} · hash {hash}</source>
        <translation>{size} · 해시 {hash}</translation>
    </message>
    <message>
        <source>{size} · hash not computed yet</source>
        <translation>{size} · 해시 아직 계산 안 됨</translation>
    </message>
</context>
</TS>
