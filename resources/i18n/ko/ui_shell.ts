<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AppController</name>
    <message>
        <source>That design is no longer in the library, so it cannot be minted.</source>
        <translation>이 디자인은 더 이상 라이브러리에 없어 민팅할 수 없습니다.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>디자인</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>큐레이션</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Your data folder cannot be used</source>
        <translation>데이터 폴더를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation>서버 대기 중…</translation>
    </message>
    <message>
        <source>Compiling for the graphics card…</source>
        <translation>그래픽 카드에 맞게 컴파일하는 중…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>다른 폴더 선택…</translation>
    </message>
    <message>
        <source>Choose a folder for your designs</source>
        <translation>디자인을 저장할 폴더 선택</translation>
    </message>
    <message>
        <source>The choice could not be saved: {reason}.</source>
        <translation>선택한 폴더를 저장할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Building the demo model on this computer…</source>
        <translation>이 컴퓨터에서 데모 모델을 만드는 중…</translation>
    </message>
    <message>
        <source>Building the demo model…</source>
        <translation>데모 모델을 만드는 중…</translation>
    </message>
    <message>
        <source>The demo model could not be built. Try again.</source>
        <translation>데모 모델을 만들 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Checking model…</source>
        <translation>모델을 확인하는 중…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>생성 중…</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong inside the app. Your work is kept; try again.</source>
        <translation>앱 내부에서 문제가 발생했습니다. 작업 내용은 그대로 있으니 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>자세한 내용을 {path}에 기록했습니다.</translation>
    </message>
</context>
<context>
    <name>GenerationPlace</name>
    <message>
        <source>This computer · {device}</source>
        <translation>이 컴퓨터 · {device}</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>서버 연결 불가</translation>
    </message>
    <message>
        <source>Server refuses this computer&apos;s token</source>
        <translation>서버가 이 컴퓨터의 토큰을 거부함</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>Server · {device} · yours is next</source>
        <translation>서버 · {device} · 내 작업이 다음 차례</translation>
    </message>
    <message>
        <source>Server · {device} · yours is number {position} in line</source>
        <translation>서버 · {device} · 내 작업은 대기 {position}번째</translation>
    </message>
    <message>
        <source>Server · {device} · {count} waiting</source>
        <translation>서버 · {device} · {count}개 대기 중</translation>
    </message>
    <message>
        <source>Server · {device}</source>
        <translation>서버 · {device}</translation>
    </message>
    <message>
        <source>Server · connecting…</source>
        <translation>서버 · 연결 중…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SM6 Design Studio</source>
        <translation>SM6 디자인 스튜디오</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>모델: {name}</translation>
    </message>
    <message>
        <source>Device: {name}</source>
        <translation>장치: {name}</translation>
    </message>
    <message>
        <source>{workspace} ({shortcut})</source>
        <translation>{workspace} ({shortcut})</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>작업 중…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
</context>
<context>
    <name>single_instance</name>
    <message>
        <source>SM6 Design Studio is already open on this data folder: its window was brought forward.</source>
        <translation>SM6 디자인 스튜디오가 이미 이 데이터 폴더로 열려 있어 그 창을 앞으로 가져왔습니다.</translation>
    </message>
    <message>
        <source>SM6 Design Studio is already running</source>
        <translation>SM6 디자인 스튜디오가 이미 실행 중입니다</translation>
    </message>
    <message>
        <source>Only one SM6 Design Studio can use a data folder at a time, so that nothing it saves is lost.</source>
        <translation>저장한 내용이 사라지지 않도록 데이터 폴더 하나는 한 번에 SM6 디자인 스튜디오 하나만 사용할 수 있습니다.</translation>
    </message>
</context>
</TS>
