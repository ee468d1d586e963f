<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ChainSettingsCard</name>
    <message>
        <source>The Kairos contract address is not a valid address. {reason}</source>
        <translation>Kairos 컨트랙트 주소가 올바른 주소가 아닙니다. {reason}</translation>
    </message>
    <message>
        <source>The Mainnet contract address is not a valid address. {reason}</source>
        <translation>메인넷 컨트랙트 주소가 올바른 주소가 아닙니다. {reason}</translation>
    </message>
    <message>
        <source>The custom network&apos;s contract address is not a valid address. {reason}</source>
        <translation>사용자 지정 네트워크의 컨트랙트 주소가 올바른 주소가 아닙니다. {reason}</translation>
    </message>
    <message>
        <source>Wallet and networks</source>
        <translation>지갑 및 네트워크</translation>
    </message>
    <message>
        <source>Kairos contract</source>
        <translation>Kairos 컨트랙트</translation>
    </message>
    <message>
        <source>0x… on Kairos (chain 1001)</source>
        <translation>Kairos의 0x… (체인 1001)</translation>
    </message>
    <message>
        <source>Mainnet contract</source>
        <translation>메인넷 컨트랙트</translation>
    </message>
    <message>
        <source>0x… on Kaia Mainnet (chain 8217)</source>
        <translation>Kaia 메인넷의 0x… (체인 8217)</translation>
    </message>
    <message>
        <source>Custom node</source>
        <translation>사용자 지정 노드</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:8551</source>
        <translation>예: http://127.0.0.1:8551</translation>
    </message>
    <message>
        <source>Its chain id</source>
        <translation>체인 ID</translation>
    </message>
    <message>
        <source>e.g. 1001</source>
        <translation>예: 1001</translation>
    </message>
    <message>
        <source>The custom node&apos;s chain id</source>
        <translation>사용자 지정 노드의 체인 ID</translation>
    </message>
    <message>
        <source>1001 for Kairos</source>
        <translation>Kairos는 1001</translation>
    </message>
    <message>
        <source>Its explorer</source>
        <translation>탐색기</translation>
    </message>
    <message>
        <source>optional, e.g. https://kairos.kaiascan.io</source>
        <translation>선택 사항, 예: https://kairos.kaiascan.io</translation>
    </message>
    <message>
        <source>Its contract</source>
        <translation>컨트랙트</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>자동 잠금</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Lock the wallet after</source>
        <translation>지갑 자동 잠금 시간</translation>
    </message>
    <message>
        <source>The sandbox needs nothing here. For Kairos or Kaia Mainnet, enter the SM6DesignToken contract the campaign deployed. A custom node is checked against its chain id before anything is sent.</source>
        <translation>샌드박스는 여기에서 설정할 것이 없습니다. Kairos나 Kaia 메인넷을 쓰려면 캠페인에서 배포한 SM6DesignToken 컨트랙트를 입력하세요. 사용자 지정 노드는 무엇이든 보내기 전에 체인 ID를 확인합니다.</translation>
    </message>
    <message>
        <source>custom node</source>
        <translation>사용자 지정 노드</translation>
    </message>
    <message>
        <source>explorer</source>
        <translation>탐색기</translation>
    </message>
    <message>
        <source>Give the custom node&apos;s chain id too: the wallet checks it before sending anything.</source>
        <translation>사용자 지정 노드의 체인 ID도 입력하세요. 지갑은 무엇이든 보내기 전에 이 값을 확인합니다.</translation>
    </message>
</context>
<context>
    <name>CurationDatabaseSection</name>
    <message>
        <source>The port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>The database user&apos;s password</source>
        <translation>데이터베이스 사용자의 비밀번호</translation>
    </message>
    <message>
        <source>database password</source>
        <translation>데이터베이스 비밀번호</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>A shared server (PostgreSQL)</source>
        <translation>공유 서버(PostgreSQL)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>e.g. judging.example.com</source>
        <translation>예: judging.example.com</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>e.g. curation</source>
        <translation>예: curation</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>e.g. judge</source>
        <translation>예: judge</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Connect to the server as the form says, and change nothing there</source>
        <translation>입력한 정보로 서버에 연결해 봅니다. 서버에서는 아무것도 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>Give the server&apos;s name or address.</source>
        <translation>서버 이름이나 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>The server is a name or address only, like judging.example.com or 192.168.1.20.</source>
        <translation>서버에는 judging.example.com 또는 192.168.1.20처럼 이름이나 주소만 입력하세요.</translation>
    </message>
    <message>
        <source>Give the name of the database on the server.</source>
        <translation>서버에 있는 데이터베이스 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Judging is kept in {file}. Only this computer can judge.</source>
        <translation>심사 내용은 {file}에 저장됩니다. 이 컴퓨터에서만 심사할 수 있습니다.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <translation>연결하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Not connected: something unexpected went wrong. Try again.</source>
        <translation>연결하지 못했습니다: 예기치 않은 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}, schema version {schema}, 1 submission.</source>
        <translation>연결했습니다: PostgreSQL {version}, 스키마 버전 {schema}, 응모작 1개.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}, schema version {schema}, {count} submissions.</source>
        <translation>연결했습니다: PostgreSQL {version}, 스키마 버전 {schema}, 응모작 {count}개.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}. The database is empty; Curation sets it up when it first opens.</source>
        <translation>연결했습니다: PostgreSQL {version}. 데이터베이스가 비어 있습니다. 큐레이션을 처음 열 때 준비됩니다.</translation>
    </message>
    <message>
        <source>Using the password from SM6_CURATION_DB_PASSWORD.</source>
        <translation>SM6_CURATION_DB_PASSWORD의 비밀번호를 사용합니다.</translation>
    </message>
    <message>
        <source>Using the password you entered, for this session only; it is forgotten at quit.</source>
        <translation>입력한 비밀번호를 이번 세션에만 사용합니다. 종료하면 잊힙니다.</translation>
    </message>
    <message>
        <source>A password is saved in the system keyring.</source>
        <translation>비밀번호가 시스템 키링에 저장되어 있습니다.</translation>
    </message>
    <message>
        <source>No password saved. Save one if the server asks for it.</source>
        <translation>저장된 비밀번호가 없습니다. 서버가 비밀번호를 요구하면 저장하세요.</translation>
    </message>
</context>
<context>
    <name>CurationSettingsCard</name>
    <message>
        <source>Curation</source>
        <translation>큐레이션</translation>
    </message>
    <message>
        <source>The first block</source>
        <translation>시작 블록</translation>
    </message>
    <message>
        <source>How this computer takes part in judging the campaign. Changes here are saved at once.</source>
        <translation>이 컴퓨터가 캠페인 심사에 참여하는 방식입니다. 여기서 바꾼 내용은 바로 저장됩니다.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>심사</translation>
    </message>
    <message>
        <source>Judge here as</source>
        <translation>심사위원 이름</translation>
    </message>
    <message>
        <source>Judge on this computer as</source>
        <translation>이 컴퓨터의 심사위원 이름</translation>
    </message>
    <message>
        <source>e.g. Minji Kim</source>
        <translation>예: 김민지</translation>
    </message>
    <message>
        <source>Every score from this computer is signed with this name. Left empty, Curation asks when it opens.</source>
        <translation>이 컴퓨터에서 매긴 모든 점수에 이 이름이 남습니다. 비워 두면 큐레이션을 열 때 묻습니다.</translation>
    </message>
    <message>
        <source>Campaign contract</source>
        <translation>캠페인 컨트랙트</translation>
    </message>
    <message>
        <source>Sandbox (test)</source>
        <translation>샌드박스 (테스트)</translation>
    </message>
    <message>
        <source>Kairos testnet</source>
        <translation>Kairos 테스트넷</translation>
    </message>
    <message>
        <source>Kaia Mainnet</source>
        <translation>Kaia 메인넷</translation>
    </message>
    <message>
        <source>Custom node (as set under Wallet and networks)</source>
        <translation>사용자 지정 노드(지갑 및 네트워크에서 설정)</translation>
    </message>
    <message>
        <source>The wallet&apos;s network</source>
        <translation>지갑의 네트워크</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>컨트랙트</translation>
    </message>
    <message>
        <source>0x… the campaign&apos;s token contract</source>
        <translation>0x… 캠페인의 토큰 컨트랙트</translation>
    </message>
    <message>
        <source>Listing starts at block</source>
        <translation>목록 시작 블록</translation>
    </message>
    <message>
        <source>the block it was deployed in</source>
        <translation>컨트랙트를 배포한 블록</translation>
    </message>
    <message>
        <source>IPFS source</source>
        <translation>IPFS 소스</translation>
    </message>
    <message>
        <source>a Kubo node or gateway; empty: the publishing node</source>
        <translation>Kubo 노드 또는 게이트웨이. 비워 두면 게시용 노드</translation>
    </message>
    <message>
        <source>A Kubo node&apos;s RPC address (like http://127.0.0.1:5001) or an HTTP gateway (like https://ipfs.io/ipfs/). Every file is checked against its CID, whichever source sends it.</source>
        <translation>Kubo 노드의 RPC 주소(예: http://127.0.0.1:5001) 또는 HTTP 게이트웨이(예: https://ipfs.io/ipfs/)입니다. 어느 소스에서 받든 모든 파일을 CID와 대조해 확인합니다.</translation>
    </message>
    <message>
        <source>Prizes (KAIA)</source>
        <translation>상금(KAIA)</translation>
    </message>
    <message>
        <source>The contract address is not a valid address. {reason}</source>
        <translation>컨트랙트 주소가 올바른 주소가 아닙니다. {reason}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Curation settings saved.</source>
        <translation>큐레이션 설정을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>DescribeSettingsCard</name>
    <message>
        <source>Paste an OpenAI API key</source>
        <translation>OpenAI API 키를 붙여 넣으세요</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI API 키</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>키 저장</translation>
    </message>
    <message>
        <source>Descriptions (ChatGPT)</source>
        <translation>설명 (ChatGPT)</translation>
    </message>
    <message>
        <source>Creativity</source>
        <translation>창의성</translation>
    </message>
    <message>
        <source>Longest draft</source>
        <translation>최대 초안 길이</translation>
    </message>
    <message>
        <source>Description limit</source>
        <translation>설명 글자 수 제한</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>OpenAI — or e.g. http://127.0.0.1:1234/v1 for LM Studio</source>
        <translation>OpenAI — 또는 LM Studio라면 예: http://127.0.0.1:1234/v1</translation>
    </message>
    <message>
        <source>Leave empty for OpenAI. A local OpenAI-compatible server works offline.</source>
        <translation>OpenAI를 쓰려면 비워 두세요. OpenAI 호환 로컬 서버는 오프라인에서도 동작합니다.</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>자</translation>
    </message>
    <message>
        <source>Using the key from OPENAI_API_KEY ({masked}).</source>
        <translation>OPENAI_API_KEY의 키를 사용하고 있습니다 ({masked}).</translation>
    </message>
    <message>
        <source>Using the key you entered, for this session only ({masked}); it is forgotten at quit.</source>
        <translation>입력한 키를 이번 세션에만 사용하고 있습니다 ({masked}). 종료하면 잊어버립니다.</translation>
    </message>
    <message>
        <source>Using the key saved in the system keyring ({masked}).</source>
        <translation>시스템 키링에 저장된 키를 사용하고 있습니다 ({masked}).</translation>
    </message>
    <message>
        <source>No key yet. ChatGPT needs one; a local server (LM Studio, Ollama, llama.cpp) drafts without. Otherwise drafts are made offline from templates.</source>
        <translation>아직 키가 없습니다. ChatGPT에는 키가 필요하지만 로컬 서버(LM Studio, Ollama, llama.cpp)는 키 없이 초안을 씁니다. 둘 다 없으면 템플릿으로 오프라인에서 초안을 만듭니다.</translation>
    </message>
</context>
<context>
    <name>GenerationPlaceSection</name>
    <message>
        <source>A generation server</source>
        <translation>생성 서버</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>서버에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Connected. The server generates on {device} and is free now.</source>
        <translation>연결되었습니다. 서버는 {device}에서 생성하며 지금은 대기 중인 디자인이 없습니다.</translation>
    </message>
    <message>
        <source>Connected. The server generates on {device}; 1 design is waiting.</source>
        <translation>연결되었습니다. 서버는 {device}에서 생성하며 디자인 1개가 대기 중입니다.</translation>
    </message>
    <message>
        <source>Connected. The server generates on {device}; {count} designs are waiting.</source>
        <translation>연결되었습니다. 서버는 {device}에서 생성하며 디자인 {count}개가 대기 중입니다.</translation>
    </message>
    <message>
        <source>Paste this computer&apos;s token</source>
        <translation>이 컴퓨터의 토큰을 붙여 넣으세요</translation>
    </message>
    <message>
        <source>generation server token</source>
        <translation>생성 서버 토큰</translation>
    </message>
    <message>
        <source>Where designs are generated</source>
        <translation>디자인을 생성하는 곳</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>e.g. https://gen.example.com</source>
        <translation>예: https://gen.example.com</translation>
    </message>
    <message>
        <source>Generation server address</source>
        <translation>생성 서버 주소</translation>
    </message>
    <message>
        <source>The address the campaign&apos;s staff gave for its generation server</source>
        <translation>캠페인 직원이 알려 준 생성 서버의 주소</translation>
    </message>
    <message>
        <source>Also use this computer when the server cannot be reached</source>
        <translation>서버에 연결할 수 없을 때 이 컴퓨터도 사용</translation>
    </message>
    <message>
        <source>When the server is unreachable or busy, designs are made here instead, more slowly without a graphics card.</source>
        <translation>서버에 연결할 수 없거나 서버가 바쁘면 이 컴퓨터에서 대신 디자인을 만듭니다. 그래픽 카드가 없으면 더 느립니다.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Ask the server what it runs on and how many designs wait</source>
        <translation>서버가 어떤 장치에서 실행되는지, 대기 중인 디자인이 몇 개인지 확인합니다</translation>
    </message>
    <message>
        <source>Applies once the design being generated now is finished.</source>
        <translation>지금 생성 중인 디자인이 끝나면 적용됩니다.</translation>
    </message>
    <message>
        <source>generation server</source>
        <translation>생성 서버</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>서버에 확인하는 중…</translation>
    </message>
    <message>
        <source>The test could not be run. Try again.</source>
        <translation>테스트를 실행할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Using the token from SM6_FLEET_TOKEN ({masked}).</source>
        <translation>SM6_FLEET_TOKEN의 토큰을 사용합니다({masked}).</translation>
    </message>
    <message>
        <source>Using the token you entered, for this session only ({masked}); it is forgotten at quit.</source>
        <translation>입력한 토큰을 이번 세션에만 사용합니다({masked}). 종료하면 지워집니다.</translation>
    </message>
    <message>
        <source>Using the token saved in the system keyring ({masked}).</source>
        <translation>시스템 키링에 저장된 토큰을 사용합니다({masked}).</translation>
    </message>
    <message>
        <source>No token saved. The server&apos;s staff issue one for each computer.</source>
        <translation>저장된 토큰이 없습니다. 서버 담당 직원이 컴퓨터마다 하나씩 발급합니다.</translation>
    </message>
</context>
<context>
    <name>KioskSettingsCard</name>
    <message>
        <source>“Still there?” after</source>
        <translation>“아직 계신가요?” 표시</translation>
    </message>
    <message>
        <source>Start over after</source>
        <translation>처음으로 돌아가기</translation>
    </message>
    <message>
        <source>Lockout after 5 wrong PINs</source>
        <translation>PIN 5회 오류 시 잠금</translation>
    </message>
    <message>
        <source>Showroom kiosk</source>
        <translation>전시장 키오스크</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>A kiosk is this app as a showroom screen for walk-up visitors: full screen, a guided visit, no settings or files. Staff open the staff panel with five taps on the logo (or Ctrl+Alt+Shift+S) and the staff PIN. Changes here are saved at once.</source>
        <translation>키오스크는 이 앱을 전시장 방문객용 화면으로 쓰는 모드입니다. 전체 화면으로 안내에 따라 체험하며, 설정이나 파일에는 접근할 수 없습니다. 직원은 로고를 다섯 번 누르거나(또는 Ctrl+Alt+Shift+S) 직원 PIN을 입력해 직원 패널을 엽니다. 여기에서 바꾼 내용은 바로 저장됩니다.</translation>
    </message>
    <message>
        <source>New staff PIN</source>
        <translation>새 직원 PIN</translation>
    </message>
    <message>
        <source>Same PIN again</source>
        <translation>PIN 다시 입력</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4~8자리 숫자</translation>
    </message>
    <message>
        <source>Start in kiosk mode</source>
        <translation>키오스크 모드로 시작</translation>
    </message>
    <message>
        <source>From the next start, full screen with no way out but the staff panel. Needs a staff PIN.</source>
        <translation>다음 시작부터 전체 화면으로 열리며 직원 패널 외에는 나갈 방법이 없습니다. 직원 PIN이 필요합니다.</translation>
    </message>
    <message>
        <source>Kiosks generate on the server only</source>
        <translation>키오스크는 서버에서만 생성</translation>
    </message>
    <message>
        <source>In kiosk mode, every design is made on the generation server set under Generation, even when this computer is set to generate itself. Applies from the next start.</source>
        <translation>키오스크 모드에서는 이 컴퓨터가 직접 생성하도록 설정되어 있어도 모든 디자인을 생성 설정의 생성 서버에서 만듭니다. 다음 시작부터 적용됩니다.</translation>
    </message>
    <message>
        <source>A staff PIN is set.</source>
        <translation>직원 PIN이 설정되어 있습니다.</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN 변경</translation>
    </message>
    <message>
        <source>No staff PIN is set yet.</source>
        <translation>아직 직원 PIN이 설정되지 않았습니다.</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN 설정</translation>
    </message>
    <message>
        <source>Staff PIN saved.</source>
        <translation>직원 PIN을 저장했습니다.</translation>
    </message>
    <message>
        <source>The app starts in kiosk mode from the next start.</source>
        <translation>다음 시작부터 앱이 키오스크 모드로 시작합니다.</translation>
    </message>
    <message>
        <source>The app starts as usual from the next start.</source>
        <translation>다음 시작부터 앱이 평소대로 시작합니다.</translation>
    </message>
    <message>
        <source>Kiosk timings saved.</source>
        <translation>키오스크 시간 설정을 저장했습니다.</translation>
    </message>
    <message>
        <source>From the next start, kiosks generate on the server only.</source>
        <translation>다음 시작부터 키오스크는 서버에서만 생성합니다.</translation>
    </message>
    <message>
        <source>From the next start, kiosks generate where Generation says.</source>
        <translation>다음 시작부터 키오스크는 생성 설정에 따라 생성합니다.</translation>
    </message>
    <message>
        <source>Starting over must come later than “Still there?”.</source>
        <translation>처음으로 돌아가는 시간은 “아직 계신가요?”보다 늦어야 합니다.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>저장하지 못했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>ModelsSettingsLine</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>The models, ControlNets and LoRAs in your models folders</source>
        <translation>모델 폴더에 있는 모델, ControlNet, LoRA</translation>
    </message>
    <message>
        <source>Manage models…</source>
        <translation>모델 관리…</translation>
    </message>
    <message>
        <source>See, import and check every model installed</source>
        <translation>설치된 모든 모델을 보고, 가져오고, 확인합니다</translation>
    </message>
</context>
<context>
    <name>PrizeFields</name>
    <message>
        <source>Rank {rank}</source>
        <translation>{rank}위</translation>
    </message>
    <message>
        <source>Prize for rank {rank}, in KAIA</source>
        <translation>{rank}위 상금(KAIA)</translation>
    </message>
    <message>
        <source>KAIA</source>
        <translation>KAIA</translation>
    </message>
    <message>
        <source>Give a prize for rank {rank} too: every rank above the last prize needs one.</source>
        <translation>{rank}위 상금도 입력하세요. 마지막 상금보다 높은 순위에는 모두 상금이 있어야 합니다.</translation>
    </message>
    <message>
        <source>The prize for rank {rank} must be an amount of KAIA, like 500 or 12.5, with no minus sign.</source>
        <translation>{rank}위 상금은 500이나 12.5처럼 빼기 기호 없는 KAIA 금액이어야 합니다.</translation>
    </message>
    <message>
        <source>These prizes cannot be used. Check each amount.</source>
        <translation>이 상금은 사용할 수 없습니다. 각 금액을 확인하세요.</translation>
    </message>
    <message>
        <source>No prizes set.</source>
        <translation>설정한 상금이 없습니다.</translation>
    </message>
    <message>
        <source>Total: — (a prize is not an amount yet)</source>
        <translation>합계: — (아직 금액이 아닌 상금이 있습니다)</translation>
    </message>
    <message>
        <source>Total: {amount} KAIA</source>
        <translation>합계: {amount} KAIA</translation>
    </message>
</context>
<context>
    <name>PublishSettingsCard</name>
    <message>
        <source>Paste the pinning service&apos;s access token</source>
        <translation>고정 서비스의 액세스 토큰을 붙여 넣으세요</translation>
    </message>
    <message>
        <source>pinning service token</source>
        <translation>고정 서비스 토큰</translation>
    </message>
    <message>
        <source>Publishing (IPFS)</source>
        <translation>게시 (IPFS)</translation>
    </message>
    <message>
        <source>IPFS node</source>
        <translation>IPFS 노드</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:5001</source>
        <translation>예: http://127.0.0.1:5001</translation>
    </message>
    <message>
        <source>IPFS node address</source>
        <translation>IPFS 노드 주소</translation>
    </message>
    <message>
        <source>The RPC API address of a Kubo node (ipfs daemon); leave empty if you have none</source>
        <translation>Kubo 노드(ipfs daemon)의 RPC API 주소입니다. 노드가 없으면 비워 두세요</translation>
    </message>
    <message>
        <source>Pinning service</source>
        <translation>고정 서비스</translation>
    </message>
    <message>
        <source>e.g. https://api.example.com/psa</source>
        <translation>예: https://api.example.com/psa</translation>
    </message>
    <message>
        <source>Pinning service address</source>
        <translation>고정 서비스 주소</translation>
    </message>
    <message>
        <source>The IPFS Pinning Service API endpoint from your pinning service</source>
        <translation>고정 서비스에서 받은 IPFS Pinning Service API 엔드포인트</translation>
    </message>
    <message>
        <source>Publishing puts the image and metadata on IPFS under the addresses the token already names. An IPFS node (Kubo) uploads them; a pinning service keeps them online, fetching them from your node. Without either, publishing waits in the outbox, and Export CAR… works with any service.</source>
        <translation>게시하면 이미지와 메타데이터가 토큰에 이미 적힌 주소로 IPFS에 올라갑니다. IPFS 노드(Kubo)가 업로드하고, 고정 서비스가 내 노드에서 받아 온라인에 계속 유지합니다. 둘 다 없으면 게시는 보낼 편지함에서 대기하며, CAR 내보내기…는 어느 서비스에서나 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>pinning service</source>
        <translation>고정 서비스</translation>
    </message>
    <message>
        <source>Using the pinning token from SM6_PINNING_TOKEN ({masked}).</source>
        <translation>SM6_PINNING_TOKEN의 고정 토큰을 사용하고 있습니다 ({masked}).</translation>
    </message>
    <message>
        <source>Using the pinning token you entered, for this session only ({masked}); it is forgotten at quit.</source>
        <translation>입력한 고정 토큰을 이번 세션에만 사용하고 있습니다 ({masked}). 종료하면 잊어버립니다.</translation>
    </message>
    <message>
        <source>Using the pinning token saved in the system keyring ({masked}).</source>
        <translation>시스템 키링에 저장된 고정 토큰을 사용하고 있습니다 ({masked}).</translation>
    </message>
    <message>
        <source>No pinning token saved. A pinning service needs one; an IPFS node alone does not.</source>
        <translation>저장된 고정 토큰이 없습니다. 고정 서비스에는 토큰이 필요하지만 IPFS 노드만 쓸 때는 필요 없습니다.</translation>
    </message>
</context>
<context>
    <name>SafetySettingsCard</name>
    <message>
        <source>Content safety</source>
        <translation>콘텐츠 안전</translation>
    </message>
    <message>
        <source>Hold back pictures scoring</source>
        <translation>보류할 점수</translation>
    </message>
    <message>
        <source>or more</source>
        <translation>이상</translation>
    </message>
    <message>
        <source>Checks that run on this computer, with no network. The showroom kiosk always uses them; here in the studio they are off unless you turn them on. Changes here are saved at once.</source>
        <translation>이 컴퓨터에서 네트워크 없이 실행되는 검사입니다. 쇼룸 키오스크는 항상 사용하며, 스튜디오에서는 켜지 않으면 꺼져 있습니다. 여기에서 바꾼 내용은 바로 저장됩니다.</translation>
    </message>
    <message>
        <source>Check prompts against the word lists</source>
        <translation>프롬프트를 단어 목록으로 검사</translation>
    </message>
    <message>
        <source>Check each picture before it is shown</source>
        <translation>그림을 보여 주기 전에 검사</translation>
    </message>
    <message>
        <source>The picture check scores each picture from 0 (surely fine) to 1 (surely not for a showroom). A picture that scores this or more is blurred and cannot become a token. Lower holds back more; 0.6 suits most showrooms.</source>
        <translation>그림 검사는 각 그림에 0(확실히 괜찮음)부터 1(쇼룸에 확실히 맞지 않음)까지 점수를 매깁니다. 이 점수 이상인 그림은 흐리게 표시되며 토큰으로 만들 수 없습니다. 낮출수록 더 많은 그림을 보류합니다. 대부분의 쇼룸에는 0.6이 알맞습니다.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Content safety settings saved.</source>
        <translation>콘텐츠 안전 설정을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>NVIDIA CUDA</source>
        <translation>NVIDIA CUDA</translation>
    </message>
    <message>
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>시스템 언어 ({language})</translation>
    </message>
    <message>
        <source>Attention slicing</source>
        <translation>어텐션 슬라이싱</translation>
    </message>
    <message>
        <source>Less graphics memory, a little slower. Use it if generating runs out of memory.</source>
        <translation>그래픽 메모리를 덜 쓰고 조금 느려집니다. 생성 중 메모리가 부족하면 켜세요.</translation>
    </message>
    <message>
        <source>VAE tiling</source>
        <translation>VAE 타일링</translation>
    </message>
    <message>
        <source>For large images, or when memory runs out at the very last step.</source>
        <translation>큰 이미지를 만들 때나 마지막 단계에서 메모리가 부족할 때 켜세요.</translation>
    </message>
    <message>
        <source>Model CPU offload</source>
        <translation>모델 CPU 오프로드</translation>
    </message>
    <message>
        <source>For graphics cards with 4–6 GB of memory. Much slower.</source>
        <translation>메모리가 4–6 GB인 그래픽 카드용입니다. 훨씬 느려집니다.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>System follows your computer&apos;s light or dark mode.</source>
        <translation>시스템을 고르면 컴퓨터의 밝은 모드나 어두운 모드를 따릅니다.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The window changes language as soon as you save.</source>
        <translation>저장하면 바로 화면 언어가 바뀝니다.</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>장치(&amp;D)</translation>
    </message>
    <message>
        <source>Generation device</source>
        <translation>생성 장치</translation>
    </message>
    <message>
        <source>Auto picks an NVIDIA graphics card, then Apple silicon, then the processor (works everywhere, but slowly).</source>
        <translation>자동은 NVIDIA 그래픽 카드, Apple 실리콘, 프로세서 순으로 고릅니다 (프로세서는 어디서나 동작하지만 느립니다).</translation>
    </message>
    <message>
        <source>Live previews</source>
        <translation>실시간 미리 보기</translation>
    </message>
    <message>
        <source>Watch the image take shape. Turn off only on a very slow computer.</source>
        <translation>이미지가 만들어지는 과정을 봅니다. 아주 느린 컴퓨터에서만 끄세요.</translation>
    </message>
    <message>
        <source>Fast final decoder (TAESD)</source>
        <translation>빠른 최종 디코더 (TAESD)</translation>
    </message>
    <message>
        <source>Finishes each picture in a fraction of the time, a little softer.</source>
        <translation>그림을 훨씬 빨리 마무리합니다. 조금 더 부드럽게 나옵니다.</translation>
    </message>
    <message>
        <source>Compile for this graphics card</source>
        <translation>이 그래픽 카드에 맞게 컴파일</translation>
    </message>
    <message>
        <source>NVIDIA only. Faster steps once each picture size is compiled, in the background, about a minute the first time; pictures are made at the usual speed meanwhile.</source>
        <translation>NVIDIA 전용입니다. 그림 크기마다 백그라운드에서 컴파일이 끝나면 단계가 빨라집니다. 처음에는 1분쯤 걸리고, 그동안에도 그림은 평소 속도로 만들어집니다.</translation>
    </message>
    <message>
        <source>Put TAESD in the models folder (taesd, or taesdxl for SDXL)</source>
        <translation>TAESD를 모델 폴더에 넣으세요 (taesd, SDXL은 taesdxl)</translation>
    </message>
    <message>
        <source>Low-memory options</source>
        <translation>저메모리 옵션</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Designs and library</source>
        <translation>디자인 및 라이브러리</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>내 모델</translation>
    </message>
    <message>
        <source>Models beside the app</source>
        <translation>앱과 같은 위치의 모델</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>아무것도 바꾸지 않고 닫습니다 (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save and apply ({shortcut})</source>
        <translation>저장하고 적용합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>One of these settings cannot be used. Check the highlighted field.</source>
        <translation>사용할 수 없는 설정이 있습니다. 강조된 항목을 확인하세요.</translation>
    </message>
    <message>
        <source>Settings could not be saved: {reason}. Check that the settings folder is writable, then try again.</source>
        <translation>설정을 저장하지 못했습니다: {reason}. 설정 폴더에 쓸 수 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Put back the saved settings</source>
        <translation>저장된 설정으로 되돌립니다</translation>
    </message>
    <message>
        <source>About SM6 Design Studio…</source>
        <translation>SM6 Design Studio 정보…</translation>
    </message>
    <message>
        <source>Version, build, folders and licences (F1)</source>
        <translation>버전, 빌드, 폴더, 라이선스 (F1)</translation>
    </message>
</context>
</TS>
