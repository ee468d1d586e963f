<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BaseArtOptions</name>
    <message>
        <source>Whole</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Repaints the whole picture</source>
        <translation>그림 전체를 다시 그립니다</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>차체</translation>
    </message>
    <message>
        <source>Repaints the car, keeps the scene</source>
        <translation>차를 다시 그리고 배경은 그대로 둡니다</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>배경</translation>
    </message>
    <message>
        <source>Keeps the car, repaints the scene</source>
        <translation>차는 그대로 두고 배경을 다시 그립니다</translation>
    </message>
    <message>
        <source>Repaint</source>
        <translation>다시 그리기</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Square</source>
        <translation>정사각형</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>가로형</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>세로형</translation>
    </message>
    <message>
        <source>SDXL square</source>
        <translation>SDXL 정사각형</translation>
    </message>
    <message>
        <source>SDXL wide</source>
        <translation>SDXL 와이드</translation>
    </message>
    <message>
        <source>SM6 shape</source>
        <translation>SM6 형태</translation>
    </message>
    <message>
        <source>Start from the SM6 artwork, so the result keeps the car&apos;s silhouette</source>
        <translation>SM6 아트워크에서 시작해 결과물이 차의 실루엣을 유지합니다</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>빈 캔버스</translation>
    </message>
    <message>
        <source>Start from noise: anything goes</source>
        <translation>노이즈에서 시작합니다. 무엇이든 나올 수 있습니다</translation>
    </message>
    <message>
        <source>This design</source>
        <translation>이 디자인</translation>
    </message>
    <message>
        <source>Refine the design in the preview</source>
        <translation>미리보기의 디자인을 다듬습니다</translation>
    </message>
    <message>
        <source>Describe your SM6</source>
        <translation>원하는 SM6를 설명하세요</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>스타일</translation>
    </message>
    <message>
        <source>Starting point</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>Keep the shape</source>
        <translation>형태 유지</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>모델에 전달되는 내용</translation>
    </message>
    <message>
        <source>Colour, wheels, lights, mood… e.g. “pearl white with rose-gold trim at dusk”</source>
        <translation>색상, 휠, 조명, 분위기… 예: “해 질 녘, 로즈골드 트림의 펄 화이트”</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Style preset</source>
        <translation>스타일 프리셋</translation>
    </message>
    <message>
        <source>More keeps the starting image&apos;s shape; less lets the style take over</source>
        <translation>높을수록 시작 이미지의 형태를 지키고, 낮을수록 스타일이 더 많이 반영됩니다</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>고급 설정</translation>
    </message>
    <message>
        <source>Seed, model, size, steps, guidance, sampler and what to avoid</source>
        <translation>시드, 모델, 크기, 단계, 가이던스, 샘플러, 제외할 요소</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>샘플러</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Draw a new seed for every generation; untick to repeat one exactly</source>
        <translation>생성할 때마다 새 시드를 뽑습니다. 같은 결과를 그대로 다시 만들려면 선택을 해제하세요</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>무작위 시드</translation>
    </message>
    <message>
        <source>Import model…</source>
        <translation>모델 가져오기…</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <source>{name} · {width} × {height}</source>
        <translation>{name} · {width} × {height}</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>What to avoid, e.g. “dented, rusty”</source>
        <translation>제외할 요소, 예: “찌그러짐, 녹”</translation>
    </message>
    <message>
        <source>Avoid: {words}</source>
        <translation>제외: {words}</translation>
    </message>
    <message>
        <source> image</source>
        <translation>장</translation>
    </message>
    <message>
        <source> images</source>
        <translation>장</translation>
    </message>
</context>
<context>
    <name>DesignViewModel</name>
    <message>
        <source>Done · 1 design saved</source>
        <translation>완료 · 디자인 1개 저장됨</translation>
    </message>
    <message>
        <source>Done · {count} designs saved</source>
        <translation>완료 · 디자인 {count}개 저장됨</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Step {step} of {steps} · variation {index} of {count}</source>
        <translation>{steps}단계 중 {step}단계 · 변형 {count}개 중 {index}번째</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>{steps}단계 중 {step}단계</translation>
    </message>
    <message>
        <source>Waiting for the generation server: yours is next</source>
        <translation>생성 서버 대기 중: 내 작업이 다음 차례입니다</translation>
    </message>
    <message>
        <source>Waiting for the generation server: yours is number {n} in line</source>
        <translation>생성 서버 대기 중: 내 작업은 대기 {n}번째입니다</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>The favourite could not be saved. Try again.</source>
        <translation>즐겨찾기를 저장할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Preparing the model…</source>
        <translation>모델 준비 중…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>{model} could not be loaded</source>
        <translation>{model}을(를) 불러올 수 없습니다</translation>
    </message>
</context>
<context>
    <name>FewStepNote</name>
    <message>
        <source>Turbo model: 1 step, no guidance</source>
        <translation>터보 모델: 1단계, 가이던스 없음</translation>
    </message>
    <message>
        <source>Fast model: {steps} steps, guidance {guidance}</source>
        <translation>고속 모델: {steps}단계, 가이던스 {guidance}</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Edges</source>
        <translation>윤곽선</translation>
    </message>
    <message>
        <source>The ControlNet follows the outline of the starting picture</source>
        <translation>ControlNet이 시작 그림의 윤곽선을 따릅니다</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>The ControlNet follows the car&apos;s volume: a depth-like map of its body</source>
        <translation>ControlNet이 차의 입체감을 따릅니다: 차체의 깊이 맵을 씁니다</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>가이드</translation>
    </message>
    <message>
        <source>ControlNet</source>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>A ControlNet keeps the SM6&apos;s shape while the style changes</source>
        <translation>ControlNet은 스타일이 바뀌어도 SM6의 형태를 유지합니다</translation>
    </message>
    <message>
        <source>No guide</source>
        <translation>가이드 없음</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <source>Guide strength</source>
        <translation>가이드 강도</translation>
    </message>
    <message>
        <source>How closely the result follows the guide</source>
        <translation>결과가 가이드를 얼마나 충실히 따를지 정합니다</translation>
    </message>
    <message>
        <source>Install a ControlNet to guide the shape — see &lt;a href=&quot;#models&quot;&gt;Models&lt;/a&gt;</source>
        <translation>형태를 가이드하려면 ControlNet을 설치하세요 — &lt;a href=&quot;#models&quot;&gt;모델&lt;/a&gt;을 참고하세요</translation>
    </message>
    <message>
        <source>Open Models… to see and import ControlNets</source>
        <translation>모델 창을 열어 ControlNet을 확인하거나 가져오세요</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <source>Your design appears here</source>
        <translation>여기에 디자인이 표시됩니다</translation>
    </message>
</context>
<context>
    <name>LiveMode</name>
    <message>
        <source>Live · making the first frame…</source>
        <translation>실시간 · 첫 프레임을 만드는 중…</translation>
    </message>
    <message>
        <source>Live · {ms} ms a frame</source>
        <translation>실시간 · 프레임당 {ms}ms</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Live · paused</source>
        <translation>실시간 · 일시 중지됨</translation>
    </message>
    <message>
        <source>Live · {reason}</source>
        <translation>실시간 · {reason}</translation>
    </message>
</context>
<context>
    <name>LoraList</name>
    <message>
        <source>Weight of {name}</source>
        <translation>{name}의 가중치</translation>
    </message>
    <message>
        <source>Remove this LoRA</source>
        <translation>이 LoRA 삭제</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Add a LoRA</source>
        <translation>LoRA 추가</translation>
    </message>
    <message>
        <source>A LoRA adds a style or subject the model learnt later</source>
        <translation>LoRA는 모델이 나중에 배운 스타일이나 대상을 더합니다</translation>
    </message>
    <message>
        <source>Add a LoRA…</source>
        <translation>LoRA 추가…</translation>
    </message>
</context>
<context>
    <name>PictureLoader</name>
    <message>
        <source>This file could not be used as a picture. Try another one.</source>
        <translation>이 파일은 그림으로 쓸 수 없습니다. 다른 파일로 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>변경…</translation>
    </message>
    <message>
        <source>Start from another sketch or photo</source>
        <translation>다른 스케치나 사진에서 시작합니다</translation>
    </message>
    <message>
        <source>Designs start from this picture</source>
        <translation>이 그림에서 디자인을 시작합니다</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>그림을 불러오는 중…</translation>
    </message>
    <message>
        <source>Load a sketch or photo…</source>
        <translation>스케치나 사진 불러오기…</translation>
    </message>
    <message>
        <source>Load a sketch or photo</source>
        <translation>스케치나 사진 불러오기</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>그림 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Sketch or photo…</source>
        <translation>스케치나 사진…</translation>
    </message>
    <message>
        <source>Start from a sketch or photo of your own</source>
        <translation>직접 가져온 스케치나 사진에서 시작합니다</translation>
    </message>
</context>
<context>
    <name>PictureMenu</name>
    <message>
        <source>Copy image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>사본 저장…</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Loading model</source>
        <translation>모델 불러오는 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>이 작업 취소</translation>
    </message>
    <message>
        <source>Cancel job: {prompt}</source>
        <translation>작업 취소: {prompt}</translation>
    </message>
    <message>
        <source>1 variation</source>
        <translation>변형 1개</translation>
    </message>
    <message>
        <source>{count} variations</source>
        <translation>변형 {count}개</translation>
    </message>
    <message>
        <source>{state} · {variations}</source>
        <translation>{state} · {variations}</translation>
    </message>
    <message>
        <source>Queue · {count}</source>
        <translation>대기열 · {count}</translation>
    </message>
</context>
<context>
    <name>StudioView</name>
    <message>
        <source>Design studio</source>
        <translation>디자인 스튜디오</translation>
    </message>
    <message>
        <source>Mark this design as a favourite (F)</source>
        <translation>이 디자인을 즐겨찾기에 추가합니다 (F)</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>다듬기</translation>
    </message>
    <message>
        <source>Generate new variations starting from this design (R)</source>
        <translation>이 디자인에서 시작해 새 변형을 생성합니다 (R)</translation>
    </message>
    <message>
        <source>Use this design</source>
        <translation>이 디자인 사용</translation>
    </message>
    <message>
        <source>Describe this design and turn it into a token</source>
        <translation>이 디자인을 설명하고 토큰으로 만듭니다</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Generate to see variations here</source>
        <translation>생성하면 여기에 변형이 표시됩니다</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>계보</translation>
    </message>
    <message>
        <source>Refine a design to build its lineage</source>
        <translation>디자인을 다듬으면 계보가 쌓입니다</translation>
    </message>
    <message>
        <source>Generate ({shortcut})</source>
        <translation>생성 ({shortcut})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>실행 중인 작업을 취소합니다 (Esc)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Live mode: the picture follows the controls as you change them</source>
        <translation>실시간 모드: 설정을 바꾸는 대로 그림이 바로 따라 바뀝니다</translation>
    </message>
    <message>
        <source>Save the frame shown as a design ({shortcut})</source>
        <translation>보이는 프레임을 디자인으로 저장합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>보관 완료</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>대기열에 추가</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Favourited</source>
        <translation>즐겨찾기됨</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>즐겨찾기</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <source>Seed {seed} · favourite</source>
        <translation>시드 {seed} · 즐겨찾기</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>시드 {seed}</translation>
    </message>
    <message>
        <source>{name} · 1 generation</source>
        <translation>{name} · 1세대</translation>
    </message>
    <message>
        <source>{name} · {count} generations</source>
        <translation>{name} · {count}세대</translation>
    </message>
    <message>
        <source>{name} · 1 variation</source>
        <translation>{name} · 1개</translation>
    </message>
    <message>
        <source>{name} · {count} variations</source>
        <translation>{name} · {count}개</translation>
    </message>
</context>
<context>
    <name>ViewPicker</name>
    <message>
        <source>Side view</source>
        <translation>측면 시점</translation>
    </message>
    <message>
        <source>Front three-quarter view</source>
        <translation>전측면 시점</translation>
    </message>
    <message>
        <source>Rear three-quarter view</source>
        <translation>후측면 시점</translation>
    </message>
</context>
</TS>
