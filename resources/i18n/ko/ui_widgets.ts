<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SM6 Design Studio</source>
        <translation>SM6 Design Studio 정보</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>버전 {version}</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>빌드</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>실행 장치</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Designs and library</source>
        <translation>디자인 및 라이브러리</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>내 모델</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
    <message>
        <source>Copy these facts as plain text, for a support call</source>
        <translation>지원 문의용으로 이 정보를 일반 텍스트로 복사합니다</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Finding out…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <source>Unknown (see `sm6-studio doctor`)</source>
        <translation>알 수 없음 (`sm6-studio doctor` 참고)</translation>
    </message>
    <message>
        <source>Build: {build}</source>
        <translation>빌드: {build}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>Packaged by: {packager}</source>
        <translation>패키지 도구: {packager}</translation>
    </message>
    <message>
        <source>Built: {moment}</source>
        <translation>빌드 시각: {moment}</translation>
    </message>
    <message>
        <source>Source commit: {commit}</source>
        <translation>소스 커밋: {commit}</translation>
    </message>
    <message>
        <source>torch: {version}</source>
        <translation>torch: {version}</translation>
    </message>
    <message>
        <source>Runs on: {device}</source>
        <translation>실행 장치: {device}</translation>
    </message>
    <message>
        <source>System: {system}</source>
        <translation>시스템: {system}</translation>
    </message>
    <message>
        <source>Python: {version}</source>
        <translation>Python: {version}</translation>
    </message>
    <message>
        <source>Designs and library: {path}</source>
        <translation>디자인 및 라이브러리: {path}</translation>
    </message>
    <message>
        <source>Settings: {path}</source>
        <translation>설정: {path}</translation>
    </message>
    <message>
        <source>Your models: {path}</source>
        <translation>내 모델: {path}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사했습니다</translation>
    </message>
    <message>
        <source>SM6 Design Studio is proprietary software of SM6. It is built with Qt for Python (PySide6, LGPL-3.0; at a showroom kiosk also Qt Virtual Keyboard, GPL-3.0), PyTorch (BSD-3-Clause), Hugging Face diffusers (Apache-2.0) and the Noto Sans KR font (SIL Open Font License 1.1).</source>
        <translation>SM6 Design Studio는 SM6의 독점 소프트웨어입니다. Qt for Python(PySide6, LGPL-3.0, 쇼룸 키오스크에서는 Qt Virtual Keyboard도 포함, GPL-3.0), PyTorch(BSD-3-Clause), Hugging Face diffusers(Apache-2.0), Noto Sans KR 글꼴(SIL Open Font License 1.1)로 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy {what}</source>
        <translation>{what} 복사</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사했습니다</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, copy the details for support.</source>
        <translation>문제가 발생했습니다. 다시 시도하세요. 계속 발생하면 자세한 내용을 복사해 지원팀에 보내세요.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}: {message}</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>자세히 숨기기</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>자세히 보기</translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n}바이트</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>{button}: {title}</source>
        <translation>{button}: {title}</translation>
    </message>
    <message>
        <source>{path} does not exist and cannot be created here</source>
        <translation>{path} 폴더가 없고 여기에서 만들 수도 없습니다</translation>
    </message>
    <message>
        <source>Show {path} in your file manager</source>
        <translation>파일 관리자에서 {path} 열기</translation>
    </message>
</context>
<context>
    <name>ManageModelsButton</name>
    <message>
        <source>Manage models… — every model, ControlNet and LoRA installed</source>
        <translation>모델 관리… — 설치된 모든 모델, ControlNet, LoRA</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>모델 관리</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Demo model (random weights, abstract images)</source>
        <translation>데모 모델 (무작위 가중치, 추상 이미지)</translation>
    </message>
    <message>
        <source>Inpainting</source>
        <translation>인페인팅</translation>
    </message>
    <message>
        <source>Inpainting model: it repaints the car or the scene around what it keeps</source>
        <translation>인페인팅 모델: 남길 부분은 두고 차체나 배경을 다시 그립니다</translation>
    </message>
    <message>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <source>Few-step model: one step, no guidance — fast enough for live mode</source>
        <translation>고속 모델: 1단계, 가이던스 없음 — 실시간 모드에 충분히 빠릅니다</translation>
    </message>
    <message>
        <source>LCM</source>
        <translation>LCM</translation>
    </message>
    <message>
        <source>Few-step model: about four steps</source>
        <translation>고속 모델: 약 4단계</translation>
    </message>
    <message>
        <source>{name} — can&apos;t be used</source>
        <translation>{name} — 사용할 수 없음</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>The model that paints your design</source>
        <translation>디자인을 그리는 모델</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>Demo model: random weights, abstract images — for trying the workflow</source>
        <translation>데모 모델: 무작위 가중치로 추상 이미지를 만듭니다 — 작업 흐름을 체험할 때 사용하세요</translation>
    </message>
    <message>
        <source>{arch} folder</source>
        <translation>{arch} 폴더</translation>
    </message>
    <message>
        <source>{arch} checkpoint</source>
        <translation>{arch} 체크포인트</translation>
    </message>
    <message>
        <source>This model cannot be used.</source>
        <translation>이 모델은 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <source>SM6 Design Studio</source>
        <translation>SM6 Design Studio</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{what} must be a number from {low} to {high}, such as {example}, or left empty.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 숫자(예: {example})로 입력하거나 비워 두어야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a number from {low} to {high}, such as {example}.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 숫자(예: {example})여야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a number from {low} to {high}, or left empty.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 숫자로 입력하거나 비워 두어야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a number from {low} to {high}.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}, such as {example}, or left empty.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 정수(예: {example})로 입력하거나 비워 두어야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}, such as {example}.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 정수(예: {example})여야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}, or left empty.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 정수로 입력하거나 비워 두어야 합니다.</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}.</source>
        <translation>{what} 값은 {low}에서 {high} 사이의 정수여야 합니다.</translation>
    </message>
</context>
<context>
    <name>SecretRow</name>
    <message>
        <source>Use until I quit</source>
        <translation>종료할 때까지 사용</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Keep the {what} in the system keyring</source>
        <translation>시스템 키링에 {what} 보관</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>{status} {problem}</source>
        <translation>{status} {problem}</translation>
    </message>
    <message>
        <source>The {what} was not saved: the key store refused. Try again.</source>
        <translation>{what} 저장 실패: 키 저장소가 거부했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Not saved: this system has no keyring to keep the {what} safe. Use it until you quit (kept in memory only, never on disk), or set the {env_var} environment variable before starting SM6 Design Studio.</source>
        <translation>저장하지 못했습니다. 이 시스템에는 {what} 보관용 키링이 없습니다. 종료할 때까지만 사용하거나(메모리에만 두고 디스크에는 저장하지 않습니다), SM6 Design Studio를 시작하기 전에 {env_var} 환경 변수를 설정하세요.</translation>
    </message>
</context>
<context>
    <name>design_files</name>
    <message>
        <source>Saved a copy as {name}.</source>
        <translation>사본을 {name} 파일로 저장했습니다.</translation>
    </message>
    <message>
        <source>The copy could not be saved. Choose another folder and try again.</source>
        <translation>사본을 저장하지 못했습니다. 다른 폴더를 골라 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This design&apos;s picture could not be read from the library, so it was not copied.</source>
        <translation>라이브러리에서 이 디자인의 그림을 읽지 못해 복사하지 않았습니다.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>사본 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
</context>
</TS>
