<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AdvanceDialog</name>
    <message>
        <source>Round {number}</source>
        <translation>라운드 {number}</translation>
    </message>
    <message>
        <source>Advance to the next round</source>
        <translation>다음 라운드로 진출</translation>
    </message>
    <message>
        <source>How many advance</source>
        <translation>진출 수</translation>
    </message>
    <message>
        <source>Next round&apos;s name</source>
        <translation>다음 라운드 이름</translation>
    </message>
    <message>
        <source>Blind judging (hide who made each entry)</source>
        <translation>블라인드 심사(출품자 정보 숨김)</translation>
    </message>
    <message>
        <source>Advance all tied</source>
        <translation>동점 모두 진출</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Create the next round</source>
        <translation>다음 라운드 만들기</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>출품작 {number}</translation>
    </message>
    <message>
        <source>{count} entries advance for sure.</source>
        <translation>출품작 {count}개가 확정 진출합니다.</translation>
    </message>
    <message>
        <source>The top {count} advance.</source>
        <translation>상위 {count}개가 진출합니다.</translation>
    </message>
    <message>
        <source>Places {first}–{last} are tied: choose which {seats} advance, or advance all {total}.</source>
        <translation>{first}–{last}위가 동점입니다. 진출할 {seats}개를 선택하거나 {total}개 모두 진출시키세요.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Zoom together</source>
        <translation>함께 확대/축소</translation>
    </message>
    <message>
        <source>Zoom and move both pictures at once</source>
        <translation>두 이미지를 함께 확대/축소하고 이동합니다</translation>
    </message>
    <message>
        <source>Tab switches picture · Esc closes</source>
        <translation>Tab 이미지 전환 · Esc 닫기</translation>
    </message>
</context>
<context>
    <name>CurationView</name>
    <message>
        <source>Curation</source>
        <translation>큐레이션</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>새 라운드…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>No entries here</source>
        <translation>표시할 출품작이 없습니다</translation>
    </message>
    <message>
        <source>No submission matches what is chosen. Import submissions, or change the filter.</source>
        <translation>선택한 조건에 맞는 응모작이 없습니다. 응모작을 가져오거나 필터를 바꾸세요.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <source>Connecting to the curation database…</source>
        <translation>큐레이션 데이터베이스에 연결하는 중…</translation>
    </message>
    <message>
        <source>The curation database could not be opened.</source>
        <translation>큐레이션 데이터베이스를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>All submissions</source>
        <translation>모든 응모작</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>마감됨</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>심사 중</translation>
    </message>
    <message>
        <source>Judging as {name}</source>
        <translation>심사위원: {name}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>Back to the gallery</source>
        <translation>갤러리로 돌아가기</translation>
    </message>
</context>
<context>
    <name>CurationViewModel</name>
    <message>
        <source>That score was not saved, so it was put back. Try again.</source>
        <translation>점수를 저장하지 못해 이전 점수로 되돌렸습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Choose or create a round to score entries.</source>
        <translation>출품작에 점수를 주려면 라운드를 선택하거나 새로 만드세요.</translation>
    </message>
    <message>
        <source>That did not work. Try again.</source>
        <translation>작업을 완료하지 못했습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>DisqualifyPopover</name>
    <message>
        <source>Duplicate of another entry</source>
        <translation>다른 출품작과 중복</translation>
    </message>
    <message>
        <source>Unsafe or offensive</source>
        <translation>부적절하거나 불쾌한 내용</translation>
    </message>
    <message>
        <source>Not an SM6</source>
        <translation>SM6가 아님</translation>
    </message>
    <message>
        <source>After the deadline</source>
        <translation>마감 이후 제출</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>기타 사유</translation>
    </message>
    <message>
        <source>Disqualify this entry</source>
        <translation>이 출품작 실격 처리</translation>
    </message>
    <message>
        <source>Note for the other judges</source>
        <translation>다른 심사위원을 위한 메모</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>실격 처리</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>사유를 선택하세요.</translation>
    </message>
    <message>
        <source>Say why in the note: the other judges will read it.</source>
        <translation>메모에 이유를 적으세요. 다른 심사위원이 읽습니다.</translation>
    </message>
</context>
<context>
    <name>EntryDetails</name>
    <message>
        <source>Minted on the campaign contract</source>
        <translation>캠페인 컨트랙트에서 민팅 완료</translation>
    </message>
    <message>
        <source>Imported from a folder</source>
        <translation>폴더에서 가져옴</translation>
    </message>
    <message>
        <source>Imported from a ZIP file</source>
        <translation>ZIP 파일에서 가져옴</translation>
    </message>
    <message>
        <source>From this computer&apos;s library</source>
        <translation>이 컴퓨터의 라이브러리에서 가져옴</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Metadata CID</source>
        <translation>메타데이터 CID</translation>
    </message>
    <message>
        <source>Image CID</source>
        <translation>이미지 CID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Traits</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Minted</source>
        <translation>민팅 일시</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>출품작을 선택하면 자세한 정보가 표시됩니다.</translation>
    </message>
    <message>
        <source>Blind round: who made this entry is hidden until the result is locked.</source>
        <translation>블라인드 라운드: 결과가 확정될 때까지 응모자 정보는 숨겨집니다.</translation>
    </message>
    <message>
        <source>Untitled entry</source>
        <translation>제목 없는 출품작</translation>
    </message>
    <message>
        <source>{trait}: {value}</source>
        <translation>{trait}: {value}</translation>
    </message>
    <message>
        <source>One other entry looks the same.</source>
        <translation>똑같아 보이는 출품작이 1개 더 있습니다.</translation>
    </message>
    <message>
        <source>{count} other entries look the same.</source>
        <translation>똑같아 보이는 출품작이 {count}개 더 있습니다.</translation>
    </message>
    <message>
        <source>Kept aside: {reason}</source>
        <translation>보류됨: {reason}</translation>
    </message>
    <message>
        <source>Disqualified: {reason}</source>
        <translation>실격 처리됨: {reason}</translation>
    </message>
    <message>
        <source>Disqualified: {reason} ({note})</source>
        <translation>실격 처리됨: {reason} ({note})</translation>
    </message>
</context>
<context>
    <name>EntryTileDelegate</name>
    <message>
        <source>Disqualified</source>
        <translation>실격 처리</translation>
    </message>
    <message>
        <source>Kept aside</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>이해 충돌</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Could not read the picture</source>
        <translation>사진을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Valid entries</source>
        <translation>유효한 출품작</translation>
    </message>
    <message>
        <source>Kept aside</source>
        <translation>보류된 응모작</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>모든 출품작</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>실격 처리됨</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>점수 있음</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>이해 상충</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>의견 있음</translation>
    </message>
    <message>
        <source>Any score</source>
        <translation>모든 점수</translation>
    </message>
    <message>
        <source>Score 4 or more</source>
        <translation>4점 이상</translation>
    </message>
    <message>
        <source>Score 3 or more</source>
        <translation>3점 이상</translation>
    </message>
    <message>
        <source>Score below 3</source>
        <translation>3점 미만</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>모든 날짜</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>출품작 검색</translation>
    </message>
    <message>
        <source>Any trait</source>
        <translation>모든 특성</translation>
    </message>
    <message>
        <source>Not judged by me</source>
        <translation>내가 심사하지 않음</translation>
    </message>
    <message>
        <source>Show only the entries you have not judged in this round</source>
        <translation>이 라운드에서 아직 심사하지 않은 출품작만 표시합니다</translation>
    </message>
    <message>
        <source>{count} entry</source>
        <translation>출품작 {count}개</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>출품작 {count}개</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>Entry {number}</source>
        <translation>출품작 {number}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>No picture</source>
        <translation>이미지 없음</translation>
    </message>
    <message>
        <source>This picture cannot be shown. The file may be damaged.</source>
        <translation>이 이미지를 표시할 수 없습니다. 파일이 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to move. + and − zoom, 0 fits, 1 shows actual size.</source>
        <translation>스크롤하여 확대/축소하고 드래그하여 이동합니다. + 와 − 로 확대/축소, 0 은 창에 맞춤, 1 은 실제 크기입니다.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import submissions</source>
        <translation>응모작 가져오기</translation>
    </message>
    <message>
        <source>A folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>A ZIP file</source>
        <translation>ZIP 파일</translation>
    </message>
    <message>
        <source>This computer&apos;s library</source>
        <translation>이 컴퓨터의 라이브러리</translation>
    </message>
    <message>
        <source>The campaign contract</source>
        <translation>캠페인 컨트랙트</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Kairos (test)</source>
        <translation>Kairos(테스트)</translation>
    </message>
    <message>
        <source>Kaia mainnet</source>
        <translation>Kaia 메인넷</translation>
    </message>
    <message>
        <source>Custom network (Settings)</source>
        <translation>사용자 지정 네트워크(설정)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Contract address</source>
        <translation>컨트랙트 주소</translation>
    </message>
    <message>
        <source>From block</source>
        <translation>시작 블록</translation>
    </message>
    <message>
        <source>IPFS node or gateway</source>
        <translation>IPFS 노드 또는 게이트웨이</translation>
    </message>
    <message>
        <source>Choose a folder or a ZIP file of submissions</source>
        <translation>응모작이 담긴 폴더나 ZIP 파일을 선택하세요</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Every design saved in this computer&apos;s library.</source>
        <translation>이 컴퓨터의 라이브러리에 저장된 모든 디자인입니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>The import goes on in the background</source>
        <translation>가져오기는 백그라운드에서 계속됩니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Stops after the current batch; continue it later</source>
        <translation>현재 묶음을 마친 뒤 멈춥니다. 나중에 이어서 할 수 있습니다</translation>
    </message>
    <message>
        <source>Choose the submissions</source>
        <translation>응모작 선택</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP 파일 (*.zip)</translation>
    </message>
    <message>
        <source>Choose a folder or a ZIP file first.</source>
        <translation>먼저 폴더나 ZIP 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>{item}: {reason}</source>
        <translation>{item}: {reason}</translation>
    </message>
    <message>
        <source>Kept aside, with the reason</source>
        <translation>제외된 항목과 이유</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Start import</source>
        <translation>가져오기 시작</translation>
    </message>
    <message>
        <source>Continue the import from item {done} of {total}</source>
        <translation>{total}개 중 {done}번째 항목부터 가져오기를 계속합니다</translation>
    </message>
    <message>
        <source>Continue the import from item {done}</source>
        <translation>{done}번째 항목부터 가져오기를 계속합니다</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지됨</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>less than a minute left</source>
        <translation>1분 이내 남음</translation>
    </message>
    <message>
        <source>about {minutes} min left</source>
        <translation>약 {minutes}분 남음</translation>
    </message>
    <message>
        <source>about {hours} h left</source>
        <translation>약 {hours}시간 남음</translation>
    </message>
    <message>
        <source>{done} read</source>
        <translation>{done}개 읽음</translation>
    </message>
    <message>
        <source>{done} of {total} read</source>
        <translation>{total}개 중 {done}개 읽음</translation>
    </message>
    <message>
        <source>{added} added · {already} already there · {bad} kept aside</source>
        <translation>{added}개 추가 · {already}개 이미 있음 · {bad}개 제외</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>가져오기 중단됨</translation>
    </message>
    <message>
        <source>Import paused at {done}</source>
        <translation>{done}번째에서 가져오기 일시 중지됨</translation>
    </message>
    <message>
        <source>Import finished: {added} added</source>
        <translation>가져오기 완료: {added}개 추가</translation>
    </message>
    <message>
        <source>Importing: {read}</source>
        <translation>가져오는 중: {read}</translation>
    </message>
    <message>
        <source>The import stopped because of a problem inside the app. Try again.</source>
        <translation>앱 내부 문제로 가져오기가 중단되었습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>JudgePicker</name>
    <message>
        <source>Who is judging?</source>
        <translation>누가 심사하나요?</translation>
    </message>
    <message>
        <source>Your scores are kept under your name, apart from other judges&apos;. Pick your name or type a new one.</source>
        <translation>점수는 다른 심사위원과 별도로 이름별로 저장됩니다. 이름을 고르거나 새 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Start judging</source>
        <translation>심사 시작</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>New round</source>
        <translation>새 라운드</translation>
    </message>
    <message>
        <source>Round name</source>
        <translation>라운드 이름</translation>
    </message>
    <message>
        <source>Long list</source>
        <translation>1차 후보</translation>
    </message>
    <message>
        <source>Blind: hide the owner, token id and anything that names them</source>
        <translation>블라인드: 소유자, 토큰 ID 등 응모자를 알 수 있는 정보를 숨김</translation>
    </message>
    <message>
        <source>Rubric: criteria scored 1 to 5, and their weights</source>
        <translation>평가 기준표: 1~5점으로 매기는 기준과 가중치</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>기준 추가</translation>
    </message>
    <message>
        <source>Every valid submission that is not disqualified is in this round.</source>
        <translation>실격 처리되지 않은 모든 유효한 응모작이 이 라운드에 포함됩니다.</translation>
    </message>
    <message>
        <source>Every valid submission is in this round. To judge only the best, advance them from Results.</source>
        <translation>모든 유효한 응모작이 이 라운드에 포함됩니다. 상위 출품작만 심사하려면 결과에서 다음 라운드로 올리세요.</translation>
    </message>
    <message>
        <source>Create round</source>
        <translation>라운드 만들기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>Weight (weights are compared with each other)</source>
        <translation>가중치 (가중치끼리 서로 비교됩니다)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>PayoutReview</name>
    <message>
        <source>TEST · {network}</source>
        <translation>테스트 · {network}</translation>
    </message>
    <message>
        <source>Review the payouts</source>
        <translation>상금 지급 검토</translation>
    </message>
    <message>
        <source>Check every line. Confirm records this list once and sends each prize from the wallet below; no winner is ever paid twice, even from another staff machine.</source>
        <translation>모든 줄을 확인하세요. 확인을 누르면 이 목록을 한 번만 기록하고 아래 지갑에서 각 상금을 보냅니다. 다른 직원 컴퓨터에서 보내더라도 어떤 수상작도 두 번 지급되지 않습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Confirm and send</source>
        <translation>확인 후 보내기</translation>
    </message>
    <message>
        <source>✕ No winner of this round can be paid on chain.</source>
        <translation>✕ 이 라운드의 어떤 수상작도 체인에서 지급할 수 없습니다.</translation>
    </message>
    <message>
        <source>✓ The wallet holds enough for every prize and its fee.</source>
        <translation>✓ 지갑에 모든 상금과 수수료를 낼 만큼의 KAIA가 있습니다.</translation>
    </message>
    <message>
        <source>✕ Not enough KAIA: the wallet holds {balance}, these payouts need up to {needed}. Add KAIA to the wallet, then review again.</source>
        <translation>✕ KAIA가 부족합니다. 지갑에는 {balance}가 있고, 이 지급에는 최대 {needed}가 필요합니다. 지갑에 KAIA를 추가한 다음 다시 검토하세요.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>출품작</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Entry {entry}</source>
        <translation>출품작 {entry}</translation>
    </message>
    <message>
        <source>{total} in 1 payout</source>
        <translation>{total}, 1건 지급</translation>
    </message>
    <message>
        <source>{total} in {count} payouts</source>
        <translation>{total}, {count}건 지급</translation>
    </message>
    <message>
        <source>about {likely} each, at most {most} each</source>
        <translation>건당 약 {likely}, 최대 {most}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>From</source>
        <translation>보내는 지갑</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Needed at most</source>
        <translation>최대 필요 금액</translation>
    </message>
</context>
<context>
    <name>PayoutsPage</name>
    <message>
        <source>Paid</source>
        <translation>지급 완료</translation>
    </message>
    <message>
        <source>Sent, awaiting receipt</source>
        <translation>전송됨, 영수증 대기 중</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>미지급</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Pay the winners</source>
        <translation>수상작 상금 지급</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Export receipts…</source>
        <translation>영수증 내보내기…</translation>
    </message>
    <message>
        <source>{round} · campaign {campaign}</source>
        <translation>{round} · 캠페인 {campaign}</translation>
    </message>
    <message>
        <source>Total {total} · {paid} of {count} paid</source>
        <translation>합계 {total} · {count}건 중 {paid}건 지급 완료</translation>
    </message>
    <message>
        <source>Nothing has been paid for this round yet. Review the list to see each winner&apos;s prize and the token owner it goes to, read from the chain now.</source>
        <translation>이 라운드에서 아직 지급된 상금이 없습니다. 목록을 검토하여 각 수상작의 상금과, 지금 체인에서 읽어 온 받을 토큰 소유자를 확인하세요.</translation>
    </message>
    <message>
        <source>✓ Every winner is paid. Export the receipts to keep them.</source>
        <translation>✓ 모든 수상작에 상금을 지급했습니다. 영수증을 내보내 보관하세요.</translation>
    </message>
    <message>
        <source>Review and send…</source>
        <translation>검토 후 보내기…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>출품작</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>트랜잭션</translation>
    </message>
    <message>
        <source>Entry {entry}</source>
        <translation>출품작 {entry}</translation>
    </message>
    <message>
        <source>Export receipts</source>
        <translation>영수증 내보내기</translation>
    </message>
    <message>
        <source>Receipts saved to {file}.</source>
        <translation>영수증을 {file}에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Agreement cannot be measured yet: it needs two judges scoring the same entries.</source>
        <translation>아직 일치도를 측정할 수 없습니다. 두 명 이상의 심사위원이 같은 출품작을 채점해야 합니다.</translation>
    </message>
    <message>
        <source>Judges agree well (α = {alpha})</source>
        <translation>심사위원 평가가 잘 일치합니다 (α = {alpha})</translation>
    </message>
    <message>
        <source>Judges agree only tentatively (α = {alpha})</source>
        <translation>심사위원 평가가 잠정적으로만 일치합니다 (α = {alpha})</translation>
    </message>
    <message>
        <source>Judges agree poorly (α = {alpha}): look at the scores before advancing</source>
        <translation>심사위원 평가가 잘 일치하지 않습니다 (α = {alpha}). 진출 전에 점수를 확인하세요</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Locked: final</source>
        <translation>잠김: 확정</translation>
    </message>
    <message>
        <source>Advance top N…</source>
        <translation>상위 N개 진출…</translation>
    </message>
    <message>
        <source>Choose winners…</source>
        <translation>수상작 선정…</translation>
    </message>
    <message>
        <source>Pay the winners…</source>
        <translation>수상작 상금 지급…</translation>
    </message>
    <message>
        <source>Export scores (CSV)…</source>
        <translation>점수 내보내기(CSV)…</translation>
    </message>
    <message>
        <source>Export finalists (ZIP)…</source>
        <translation>최종 후보 내보내기(ZIP)…</translation>
    </message>
    <message>
        <source>Results report…</source>
        <translation>결과 보고서…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <source>That did not work because of a problem inside the app. Try again.</source>
        <translation>앱 내부 문제로 완료하지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No round yet: results appear once a round is scored.</source>
        <translation>아직 라운드가 없습니다. 라운드를 채점하면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>{judge}: {count} judged</source>
        <translation>{judge}: {count}개 심사</translation>
    </message>
    <message>
        <source>No judge has scored this round yet.</source>
        <translation>이 라운드를 채점한 심사위원이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>수상작</translation>
    </message>
    <message>
        <source>{rank}. {name}</source>
        <translation>{rank}. {name}</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>출품작 {number}</translation>
    </message>
    <message>
        <source>{round} created with {count} entries.</source>
        <translation>출품작 {count}개로 {round}을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>The result is locked: {count} winners.</source>
        <translation>결과를 잠갔습니다: 수상작 {count}개.</translation>
    </message>
    <message>
        <source>Export scores</source>
        <translation>점수 내보내기</translation>
    </message>
    <message>
        <source>Export finalists</source>
        <translation>최종 후보 내보내기</translation>
    </message>
    <message>
        <source>Results report</source>
        <translation>결과 보고서</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>{file}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>True to the SM6</source>
        <translation>SM6다움</translation>
    </message>
    <message>
        <source>Originality</source>
        <translation>독창성</translation>
    </message>
    <message>
        <source>Craft</source>
        <translation>완성도</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Weight {percent}%</source>
        <translation>가중치 {percent}%</translation>
    </message>
    <message>
        <source>{criterion}: {score} of 5</source>
        <translation>{criterion}: 5점 중 {score}점</translation>
    </message>
    <message>
        <source>1–5 score · ← → criterion · Backspace clears · Enter next entry</source>
        <translation>1–5 점수 · ← → 기준 이동 · Backspace 지우기 · Enter 다음 출품작</translation>
    </message>
    <message>
        <source>Abstain (A)</source>
        <translation>기권 (A)</translation>
    </message>
    <message>
        <source>Leave this entry to the other judges (A)</source>
        <translation>이 출품작은 다른 심사위원에게 맡깁니다 (A)</translation>
    </message>
    <message>
        <source>Conflict of interest (C)</source>
        <translation>이해충돌 (C)</translation>
    </message>
    <message>
        <source>You know the entrant: your scores for this entry are left out (C)</source>
        <translation>응모자를 알고 있습니다. 이 출품작에 대한 점수는 제외됩니다 (C)</translation>
    </message>
    <message>
        <source>Declare a conflict of interest? Your scores for this entry will be left out.</source>
        <translation>이해충돌을 신고하시겠습니까? 이 출품작에 대한 점수는 제외됩니다.</translation>
    </message>
    <message>
        <source>Declare</source>
        <translation>신고</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Comment for the other judges (Ctrl+Enter saves)</source>
        <translation>다른 심사위원을 위한 의견 (Ctrl+Enter로 저장)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>The previous entry (Shift+Enter)</source>
        <translation>이전 출품작 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>The next entry (Enter)</source>
        <translation>다음 출품작 (Enter)</translation>
    </message>
    <message>
        <source>Disqualify…</source>
        <translation>실격 처리…</translation>
    </message>
    <message>
        <source>Disqualify this entry, with a reason (D)</source>
        <translation>사유를 밝혀 이 출품작을 실격 처리합니다 (D)</translation>
    </message>
    <message>
        <source>Show the next entry after the last score</source>
        <translation>마지막 점수를 매기면 다음 출품작 표시</translation>
    </message>
    <message>
        <source>You abstained: this entry is left to the other judges.</source>
        <translation>기권했습니다. 이 출품작은 다른 심사위원이 심사합니다.</translation>
    </message>
    <message>
        <source>Conflict of interest declared: your scores are left out.</source>
        <translation>이해충돌을 신고했습니다. 점수는 제외됩니다.</translation>
    </message>
    <message>
        <source>This round is locked.</source>
        <translation>이 라운드는 잠겨 있습니다.</translation>
    </message>
</context>
<context>
    <name>StandingsModel</name>
    <message>
        <source>Entry {number}</source>
        <translation>출품작 {number}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>출품작</translation>
    </message>
    <message>
        <source>Total (z)</source>
        <translation>합계(z)</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>평균 점수</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Entries with the same total share a rank, marked =</source>
        <translation>합계가 같은 출품작은 같은 순위를 공유하며 =로 표시됩니다</translation>
    </message>
    <message>
        <source>Each judge&apos;s totals made comparable (z-scores), then averaged</source>
        <translation>심사위원별 합계를 비교 가능하게(z 점수) 만든 뒤 평균한 값</translation>
    </message>
    <message>
        <source>The weighted 1–5 score, averaged over the judges</source>
        <translation>가중치를 적용한 1–5 점수의 심사위원 평균</translation>
    </message>
    <message>
        <source>How many judges scored it</source>
        <translation>채점한 심사위원 수</translation>
    </message>
    <message>
        <source>Tied</source>
        <translation>동점</translation>
    </message>
    <message>
        <source>Winner #{rank}</source>
        <translation>수상작 {rank}위</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>실격 처리됨</translation>
    </message>
    <message>
        <source>Tied for place {rank}: the ranking does not decide between them</source>
        <translation>공동 {rank}위: 순위 계산으로는 이들 사이를 정하지 않습니다</translation>
    </message>
</context>
<context>
    <name>VerifyBar</name>
    <message>
        <source>Regenerate this entry from its metadata on this computer and compare the pictures</source>
        <translation>이 컴퓨터에서 메타데이터로 이 출품작을 다시 생성해 그림을 비교합니다</translation>
    </message>
    <message>
        <source>The entry could not be regenerated. The details are in the log.</source>
        <translation>출품작을 다시 생성할 수 없습니다. 자세한 내용은 로그에 있습니다.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>검증 중…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>검증</translation>
    </message>
</context>
<context>
    <name>ViewerPage</name>
    <message>
        <source>Back to the gallery</source>
        <translation>갤러리로 돌아가기</translation>
    </message>
    <message>
        <source>Back to the gallery (Esc)</source>
        <translation>갤러리로 돌아가기 (Esc)</translation>
    </message>
    <message>
        <source>Compare with duplicates</source>
        <translation>중복과 비교</translation>
    </message>
    <message>
        <source>This is the last entry of the list.</source>
        <translation>목록의 마지막 출품작입니다.</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} / {total}</translation>
    </message>
</context>
<context>
    <name>WinnersDialog</name>
    <message>
        <source>Choose the winners</source>
        <translation>수상작 선정</translation>
    </message>
    <message>
        <source>Listed in the order of the standings. Drag an entry, or use Move up and Move down, to change its rank.</source>
        <translation>순위표 순서로 나열됩니다. 출품작을 끌거나 위로/아래로 이동을 사용해 순위를 바꾸세요.</translation>
    </message>
    <message>
        <source>Places {first}–{last} are tied: the last {seats} places were filled by entry number, which decides nothing. Check them before locking.</source>
        <translation>{first}–{last}위가 동점입니다. 마지막 {seats}자리는 순위와 무관한 출품작 번호 순으로 채워졌습니다. 잠그기 전에 확인하세요.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Lock the result…</source>
        <translation>결과 잠그기…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Lock for good</source>
        <translation>영구히 잠그기</translation>
    </message>
    <message>
        <source>Locking makes these {count} winners and their ranks final. No score, verdict or rank in this round can change afterwards, on any judge&apos;s computer. This cannot be undone.</source>
        <translation>잠그면 이 수상작 {count}개와 순위가 확정됩니다. 이후에는 어느 심사위원의 컴퓨터에서도 이 라운드의 점수, 판정, 순위를 바꿀 수 없습니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>출품작 {number}</translation>
    </message>
    <message>
        <source>{rank}. {name}</source>
        <translation>{rank}. {name}</translation>
    </message>
    <message>
        <source>{line} (tied for place {place})</source>
        <translation>{line} (공동 {place}위)</translation>
    </message>
</context>
</TS>
