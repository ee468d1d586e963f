<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddressScanner</name>
    <message>
        <source>Hold your wallet&apos;s QR code up to the camera.</source>
        <translation>지갑의 QR 코드를 카메라에 비추세요.</translation>
    </message>
    <message>
        <source>Type it instead</source>
        <translation>직접 입력</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Design your own SM6</source>
        <translation>나만의 SM6를 디자인하세요</translation>
    </message>
    <message>
        <source>Describe it, watch it appear, and take it home as a token in your wallet.</source>
        <translation>원하는 모습을 말하면 눈앞에 그려집니다. 완성된 디자인은 토큰으로 지갑에 담아 가세요.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작하기</translation>
    </message>
</context>
<context>
    <name>DescribeStep</name>
    <message>
        <source>Stop writing</source>
        <translation>작성 중지</translation>
    </message>
    <message>
        <source>Write it for me</source>
        <translation>설명 자동 작성</translation>
    </message>
    <message>
        <source>Tell its story</source>
        <translation>디자인 설명</translation>
    </message>
    <message>
        <source>We wrote a first draft. Change anything you like.</source>
        <translation>초안을 준비했습니다. 원하는 대로 고치세요.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Your design</source>
        <translation>나의 디자인</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
</context>
<context>
    <name>DesignStep</name>
    <message>
        <source>Showroom</source>
        <translation>쇼룸</translation>
    </message>
    <message>
        <source>Busan at night</source>
        <translation>부산의 밤</translation>
    </message>
    <message>
        <source>Coastal road</source>
        <translation>해안 도로</translation>
    </message>
    <message>
        <source>Hanok heritage</source>
        <translation>한옥</translation>
    </message>
    <message>
        <source>Watercolour</source>
        <translation>수채화</translation>
    </message>
    <message>
        <source>Neon city</source>
        <translation>네온 시티</translation>
    </message>
    <message>
        <source>Your SM6 is next…</source>
        <translation>곧 내 SM6 차례입니다…</translation>
    </message>
    <message>
        <source>Your SM6 is number {n} in line…</source>
        <translation>내 SM6는 대기 {n}번째입니다…</translation>
    </message>
    <message>
        <source>Your sketch could not be kept. Try again.</source>
        <translation>스케치를 보관할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>My sketch</source>
        <translation>내 스케치</translation>
    </message>
    <message>
        <source>Draw your own</source>
        <translation>직접 그리기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Your SM6 is taking shape…</source>
        <translation>SM6를 그리고 있습니다…</translation>
    </message>
    <message>
        <source>Tap the one you like best, then Next.</source>
        <translation>마음에 드는 디자인을 누른 다음 다음을 누르세요.</translation>
    </message>
    <message>
        <source>Your design appears here.</source>
        <translation>디자인이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Describe your SM6</source>
        <translation>어떤 SM6를 원하세요?</translation>
    </message>
    <message>
        <source>e.g. pearl white with rose-gold trim, by the sea</source>
        <translation>예: 로즈 골드 장식의 펄 화이트, 바닷가에서</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>원하는 모습</translation>
    </message>
    <message>
        <source>Pick a style</source>
        <translation>스타일 선택</translation>
    </message>
    <message>
        <source>Keep the shape</source>
        <translation>형태 유지</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>자유롭게</translation>
    </message>
    <message>
        <source>Close to the SM6</source>
        <translation>SM6 그대로</translation>
    </message>
    <message>
        <source>Start from the SM6</source>
        <translation>SM6 형태로 시작</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Variation {number}</source>
        <translation>변형 {number}</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>1 Design</source>
        <translation>1 디자인</translation>
    </message>
    <message>
        <source>2 Describe</source>
        <translation>2 설명</translation>
    </message>
    <message>
        <source>3 Preview</source>
        <translation>3 토큰 미리보기</translation>
    </message>
    <message>
        <source>4 Submit</source>
        <translation>4 제출</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>SM6 Design Studio</source>
        <translation>SM6 디자인 스튜디오</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <source>This kiosk is taking a break</source>
        <translation>키오스크가 잠시 쉬고 있습니다</translation>
    </message>
    <message>
        <source>It will be back soon. Our staff are happy to help meanwhile.</source>
        <translation>곧 다시 이용하실 수 있습니다. 그동안 직원이 기꺼이 도와 드립니다.</translation>
    </message>
    <message>
        <source>Something went wrong — let&apos;s start again</source>
        <translation>문제가 생겼습니다 — 처음부터 다시 시작하세요</translation>
    </message>
    <message>
        <source>It was not your doing. Your design was not shared with anyone.</source>
        <translation>방문객의 잘못이 아닙니다. 디자인은 누구에게도 공유되지 않았습니다.</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>다시 시작</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>Trim</source>
        <translation>트림</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>스타일</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>색상</translation>
    </message>
    <message>
        <source>Shape kept</source>
        <translation>형태 유지</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Preparing your token…</source>
        <translation>토큰을 준비하고 있습니다…</translation>
    </message>
    <message>
        <source>Your token, as it will look in your wallet</source>
        <translation>지갑에서 보일 토큰의 모습</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
</context>
<context>
    <name>SketchScreen</name>
    <message>
        <source>Keeping your sketch…</source>
        <translation>스케치를 보관하는 중…</translation>
    </message>
    <message>
        <source>Use my sketch</source>
        <translation>내 스케치 사용</translation>
    </message>
    <message>
        <source>Draw your SM6</source>
        <translation>나만의 SM6 그리기</translation>
    </message>
    <message>
        <source>Draw with your finger. Trace the outline, or draw the car you imagine.</source>
        <translation>손가락으로 그리세요. 윤곽선을 따라 그리거나 상상하는 차를 자유롭게 그리세요.</translation>
    </message>
    <message>
        <source>Show the SM6 outline</source>
        <translation>SM6 윤곽선 보기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Drawing area</source>
        <translation>그리기 영역</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Export today&apos;s submissions to</source>
        <translation>오늘의 제출 내역을 내보낼 위치</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>직원 패널</translation>
    </message>
    <message>
        <source>Closes by itself after a minute without a touch.</source>
        <translation>1분 동안 터치가 없으면 저절로 닫힙니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>실행 장치</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Generation queue</source>
        <translation>생성 대기열</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>디스크 공간</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation>화면 키보드</translation>
    </message>
    <message>
        <source>Picture check</source>
        <translation>이미지 검사</translation>
    </message>
    <message>
        <source>Export today&apos;s submissions…</source>
        <translation>오늘의 제출 내역 내보내기…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>키오스크 모드 종료</translation>
    </message>
    <message>
        <source>Turns kiosk mode off and restarts as the desktop app</source>
        <translation>키오스크 모드를 끄고 데스크톱 앱으로 다시 시작합니다</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Resume the kiosk</source>
        <translation>키오스크 재개</translation>
    </message>
    <message>
        <source>Pause the kiosk</source>
        <translation>키오스크 일시 정지</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>No model can be used</source>
        <translation>사용할 수 있는 모델이 없습니다</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>대기 중인 작업 없음</translation>
    </message>
    <message>
        <source>1 job queued or running</source>
        <translation>대기 중이거나 실행 중인 작업 1개</translation>
    </message>
    <message>
        <source>{count} jobs queued or running</source>
        <translation>대기 중이거나 실행 중인 작업 {count}개</translation>
    </message>
    <message>
        <source>{free} free of {total}</source>
        <translation>{total} 중 {free} 남음</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>설정되지 않음</translation>
    </message>
    <message>
        <source>Cannot be reached</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>{network} · reachable · block {block}</source>
        <translation>{network} · 연결됨 · 블록 {block}</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Not available ({reason})</source>
        <translation>사용할 수 없음 ({reason})</translation>
    </message>
    <message>
        <source>Not available, so no picture can be submitted ({reason})</source>
        <translation>사용할 수 없어 이미지를 제출할 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>No submissions today. An empty list was saved in {folder}.</source>
        <translation>오늘 제출된 내역이 없습니다. 빈 목록을 {folder}에 저장했습니다.</translation>
    </message>
    <message>
        <source>1 submission exported to {folder}.</source>
        <translation>제출 내역 1건을 {folder}에 내보냈습니다.</translation>
    </message>
    <message>
        <source>{count} submissions exported to {folder}.</source>
        <translation>제출 내역 {count}건을 {folder}에 내보냈습니다.</translation>
    </message>
    <message>
        <source>The export failed. Try again.</source>
        <translation>내보내지 못했습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>StaffPinPad</name>
    <message>
        <source>Staff only</source>
        <translation>직원 전용</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>직원 PIN을 입력하세요.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>StaffSafetySection</name>
    <message>
        <source>Saved. The kiosk uses it from the next visitor.</source>
        <translation>저장했습니다. 다음 방문객부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Try again.</source>
        <translation>저장하지 못했습니다: {reason}. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Content safety</source>
        <translation>콘텐츠 안전</translation>
    </message>
    <message>
        <source>Picture check threshold</source>
        <translation>이미지 검사 기준값</translation>
    </message>
    <message>
        <source>A picture scoring at or above this is blurred and cannot be submitted. Lower holds back more.</source>
        <translation>점수가 이 값 이상인 이미지는 흐리게 표시되며 제출할 수 없습니다. 낮출수록 더 많이 걸러냅니다.</translation>
    </message>
    <message>
        <source>Your own blocked words</source>
        <translation>직접 추가한 차단 단어</translation>
    </message>
    <message>
        <source>One per line: &quot;word&quot; blocks it, &quot;-word&quot; allows a built-in word again, &quot;!allowed phrase&quot; lets a phrase through.</source>
        <translation>한 줄에 하나씩: &quot;단어&quot;는 차단하고, &quot;-단어&quot;는 기본 목록의 단어를 다시 허용하며, &quot;!허용할 문구&quot;는 그 문구를 통과시킵니다.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
</context>
<context>
    <name>StaffWalletSection</name>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>No wallet is set up. Set one up in the desktop app&apos;s Wallet.</source>
        <translation>설정된 지갑이 없습니다. 데스크톱 앱의 지갑에서 설정하세요.</translation>
    </message>
    <message>
        <source>The wallet could not be read. Check again in a moment.</source>
        <translation>지갑을 읽을 수 없습니다. 잠시 후 다시 확인하세요.</translation>
    </message>
    <message>
        <source>Locked · {address} · visitors cannot submit</source>
        <translation>잠김 · {address} · 방문객이 제출할 수 없습니다</translation>
    </message>
    <message>
        <source>Unlocked · {address}</source>
        <translation>잠금 해제됨 · {address}</translation>
    </message>
    <message>
        <source>Unlocked · {address} · {balance}</source>
        <translation>잠금 해제됨 · {address} · {balance}</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>잠금 해제 중…</translation>
    </message>
    <message>
        <source>Unlock the kiosk wallet</source>
        <translation>키오스크 지갑 잠금 해제</translation>
    </message>
    <message>
        <source>The wallet could not be unlocked. Try again.</source>
        <translation>지갑의 잠금을 해제할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Kiosk wallet</source>
        <translation>키오스크 지갑</translation>
    </message>
    <message>
        <source>The wallet&apos;s password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <source>The kiosk wallet&apos;s password</source>
        <translation>키오스크 지갑 비밀번호</translation>
    </message>
    <message>
        <source>Low on KAIA for the mints&apos; fees: add KAIA to this wallet before visitors&apos; submissions fail.</source>
        <translation>민팅 수수료로 쓸 KAIA가 부족합니다. 방문객의 제출이 실패하기 전에 이 지갑에 KAIA를 충전하세요.</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>For your privacy, this kiosk starts over in {seconds} s.</source>
        <translation>개인정보 보호를 위해 {seconds}초 후 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Still there?</source>
        <translation>계속 이용하시나요?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>계속 이용하기</translation>
    </message>
</context>
<context>
    <name>SubmitStep</name>
    <message>
        <source>This kiosk cannot send tokens right now. Please ask our staff.</source>
        <translation>지금은 이 키오스크에서 토큰을 보낼 수 없습니다. 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>Your token could not be sent. Please try again.</source>
        <translation>토큰을 보내지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Make it yours</source>
        <translation>내 지갑으로 받기</translation>
    </message>
    <message>
        <source>Type or paste your Kaia wallet address. We send the token to it; the kiosk pays the fee.</source>
        <translation>Kaia 지갑 주소를 입력하거나 붙여 넣으세요. 토큰을 그 주소로 보내 드리며, 수수료는 키오스크가 냅니다.</translation>
    </message>
    <message>
        <source>Your wallet address (0x…)</source>
        <translation>지갑 주소 (0x…)</translation>
    </message>
    <message>
        <source>Your wallet address</source>
        <translation>지갑 주소</translation>
    </message>
    <message>
        <source>Sending your token to your wallet…</source>
        <translation>토큰을 지갑으로 보내고 있습니다…</translation>
    </message>
    <message>
        <source>Your design</source>
        <translation>나의 디자인</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>제출</translation>
    </message>
    <message>
        <source>Scan a QR code</source>
        <translation>QR 코드 스캔</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>Thank you!</source>
        <translation>감사합니다!</translation>
    </message>
    <message>
        <source>Token #{number} is yours. It is in your wallet now.</source>
        <translation>이제 토큰 #{number}의 주인은 방문객님입니다. 지금 지갑에 들어 있습니다.</translation>
    </message>
    <message>
        <source>Your token is on its way to your wallet.</source>
        <translation>토큰이 지갑으로 가고 있습니다.</translation>
    </message>
    <message>
        <source>Scan to see your token on KaiaScan.</source>
        <translation>스캔하면 KaiaScan에서 토큰을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>ViewChooser</name>
    <message>
        <source>Which view of the SM6 do you start from?</source>
        <translation>어느 시점의 SM6에서 시작하시겠습니까?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
</TS>
