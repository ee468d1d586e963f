<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Recovery phrase</source>
        <translation>복구 문구</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>개인 키</translation>
    </message>
    <message>
        <source>Keystore file</source>
        <translation>키스토어 파일</translation>
    </message>
    <message>
        <source>The account could not be saved because of a problem in the app. Nothing was changed. Try again; if it keeps happening, copy the details for support.</source>
        <translation>앱에 문제가 있어 계정을 저장할 수 없습니다. 바뀐 것은 없습니다. 다시 시도하세요. 문제가 계속되면 자세한 내용을 복사해 지원팀에 보내세요.</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <source>Import a wallet</source>
        <translation>지갑 가져오기</translation>
    </message>
    <message>
        <source>Your wallet&apos;s key is created on this computer and kept encrypted with your password. Nobody, not even SM6 Design Studio, can recover the password: keep it safe.</source>
        <translation>지갑의 키는 이 컴퓨터에서 만들어지고 비밀번호로 암호화되어 보관됩니다. SM6 Design Studio를 포함해 누구도 비밀번호를 복구할 수 없으니 안전하게 보관하세요.</translation>
    </message>
    <message>
        <source>Bring an existing Kaia or Ethereum account. Its key is encrypted with the password you set here and never leaves this computer.</source>
        <translation>기존 Kaia 또는 이더리움 계정을 가져옵니다. 키는 여기에서 설정한 비밀번호로 암호화되며 이 컴퓨터 밖으로 나가지 않습니다.</translation>
    </message>
    <message>
        <source>The 12 or 24 words, separated by spaces</source>
        <translation>띄어쓰기로 구분한 12개 또는 24개 단어</translation>
    </message>
    <message>
        <source>Kaia ({path})</source>
        <translation>Kaia ({path})</translation>
    </message>
    <message>
        <source>Ethereum / MetaMask ({path})</source>
        <translation>이더리움 / MetaMask ({path})</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>계정 번호</translation>
    </message>
    <message>
        <source>0 is the phrase&apos;s first account, 1 its second, and so on</source>
        <translation>0은 복구 문구의 첫 번째 계정, 1은 두 번째 계정을 뜻합니다</translation>
    </message>
    <message>
        <source>64 hexadecimal characters, with or without 0x</source>
        <translation>16진수 64자 (0x는 붙여도 되고 빼도 됩니다)</translation>
    </message>
    <message>
        <source>Paste the keystore JSON (UTC--… file); the password below is the file&apos;s</source>
        <translation>키스토어 JSON(UTC--… 파일)을 붙여 넣으세요. 아래 비밀번호는 이 파일의 비밀번호입니다</translation>
    </message>
    <message>
        <source>Keystore JSON</source>
        <translation>키스토어 JSON</translation>
    </message>
    <message>
        <source>Open a keystore file…</source>
        <translation>키스토어 파일 열기…</translation>
    </message>
    <message>
        <source>e.g. My SM6 wallet</source>
        <translation>예: 내 SM6 지갑</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>계정 이름</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>비밀번호 다시 입력</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>다시 입력</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>비밀번호 강도</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Open a keystore file</source>
        <translation>키스토어 파일 열기</translation>
    </message>
    <message>
        <source>Keystore files (*.json UTC--*)</source>
        <translation>키스토어 파일 (*.json UTC--*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>The keystore file&apos;s own password.</source>
        <translation>키스토어 파일 자체의 비밀번호입니다.</translation>
    </message>
    <message>
        <source>At least 8 characters. A few unrelated words make a strong password.</source>
        <translation>8자 이상이어야 합니다. 서로 관련 없는 단어 몇 개를 이으면 강력한 비밀번호가 됩니다.</translation>
    </message>
    <message>
        <source>Encrypting the key with your password…</source>
        <translation>비밀번호로 키를 암호화하는 중…</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <source>Nothing minted or sent from this wallet yet. Mint a token from the Token workspace.</source>
        <translation>이 지갑에서 아직 민팅하거나 보낸 것이 없습니다. 토큰 화면에서 토큰을 민팅하세요.</translation>
    </message>
</context>
<context>
    <name>ActivityRow</name>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Minted</source>
        <translation>민팅 완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Not included</source>
        <translation>포함되지 않음</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>트랜잭션</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>{amount} to {recipient} · {when}</source>
        <translation>{recipient}에게 {amount} · {when}</translation>
    </message>
    <message>
        <source>Token #{id} · {when}</source>
        <translation>토큰 #{id} · {when}</translation>
    </message>
    <message>
        <source>Mint · {when}</source>
        <translation>민팅 · {when}</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>다시 보내기…</translation>
    </message>
    <message>
        <source>Mint again…</source>
        <translation>다시 민팅…</translation>
    </message>
    <message>
        <source>Review it afresh; nothing is signed until you confirm</source>
        <translation>처음부터 다시 검토합니다. 확인하기 전에는 아무것도 서명되지 않습니다</translation>
    </message>
</context>
<context>
    <name>MintDialog</name>
    <message>
        <source>The token&apos;s files are only on this computer, so marketplaces cannot show its image until they are published. Publish them now; you can mint meanwhile.</source>
        <translation>토큰 파일이 이 컴퓨터에만 있어 게시되기 전까지는 마켓플레이스에 이미지가 표시되지 않습니다. 지금 게시하세요. 게시하는 동안에도 민팅할 수 있습니다.</translation>
    </message>
    <message>
        <source>The token&apos;s files are still on their way to IPFS: marketplaces show its image once they are published. The Token workspace shows how far they got.</source>
        <translation>토큰 파일을 아직 IPFS로 보내는 중입니다. 게시가 끝나면 마켓플레이스에 이미지가 표시됩니다. 진행 상황은 토큰 화면에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Publishing started: the files go out in the background, and the Token workspace shows how far they got. You can confirm the mint now.</source>
        <translation>게시를 시작했습니다. 파일은 백그라운드에서 전송되며 진행 상황은 토큰 화면에서 볼 수 있습니다. 지금 민팅을 확인해도 됩니다.</translation>
    </message>
    <message>
        <source>Confirm and mint</source>
        <translation>확인 후 민팅</translation>
    </message>
    <message>
        <source>Minting…</source>
        <translation>민팅 중…</translation>
    </message>
    <message>
        <source>The mint cannot be prepared as entered. Check the values, then try again.</source>
        <translation>입력한 내용으로는 민팅을 준비할 수 없습니다. 값을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This mint is already on its way: waiting for its receipt…</source>
        <translation>이 민팅은 이미 진행 중입니다. 영수증을 기다리는 중…</translation>
    </message>
    <message>
        <source>The mint did not go through.</source>
        <translation>민팅이 처리되지 않았습니다.</translation>
    </message>
    <message>
        <source>The mint could not be prepared because of a problem in the app. Nothing was signed unless Activity shows it. Try again; if it keeps happening, copy the details for support.</source>
        <translation>앱에 문제가 있어 민팅을 준비할 수 없습니다. 활동 내역에 표시되지 않았다면 아무것도 서명되지 않았습니다. 다시 시도하세요. 문제가 계속되면 자세한 내용을 복사해 지원팀에 보내세요.</translation>
    </message>
    <message>
        <source>Mint on Kaia</source>
        <translation>Kaia에서 민팅</translation>
    </message>
    <message>
        <source>Mint this token</source>
        <translation>이 토큰 민팅</translation>
    </message>
    <message>
        <source>This wallet ({address})</source>
        <translation>이 지갑 ({address})</translation>
    </message>
    <message>
        <source>Another address</source>
        <translation>다른 주소</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <source>Your wallet address</source>
        <translation>내 지갑 주소</translation>
    </message>
    <message>
        <source>Your Kaia wallet address (0x…): the token will be yours</source>
        <translation>내 Kaia 지갑 주소(0x…): 토큰이 이 주소로 발행됩니다</translation>
    </message>
    <message>
        <source>Who receives it</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>View on KaiaScan</source>
        <translation>KaiaScan에서 보기</translation>
    </message>
    <message>
        <source>View the token</source>
        <translation>토큰 보기</translation>
    </message>
    <message>
        <source>Show the token in the Token workspace</source>
        <translation>토큰 화면에서 이 토큰을 봅니다</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>지금 게시</translation>
    </message>
    <message>
        <source>Minted token #{id}</source>
        <translation>토큰 #{id} 민팅 완료</translation>
    </message>
    <message>
        <source>Token #{id} now belongs to {recipient}. The receipt is final.</source>
        <translation>이제 토큰 #{id}의 소유자는 {recipient}입니다. 영수증이 확정되었습니다.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>{max} Gkei (tip {tip})</source>
        <translation>{max} Gkei (팁 {tip})</translation>
    </message>
    <message>
        <source>about {likely}, at most {most}</source>
        <translation>약 {likely}, 최대 {most}</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>논스</translation>
    </message>
    <message>
        <source>Gas limit</source>
        <translation>가스 한도</translation>
    </message>
    <message>
        <source>Max fee per gas</source>
        <translation>가스당 최대 수수료</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>{network} (chain {id})</source>
        <translation>{network} (체인 {id})</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>From</source>
        <translation>보내는 주소</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>컨트랙트</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>호출</translation>
    </message>
    <message>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <source>Token URI</source>
        <translation>토큰 URI</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>콘텐츠 해시</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>전송 금액</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Total at most</source>
        <translation>최대 합계</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Confirm and send</source>
        <translation>확인 후 보내기</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>The transfer cannot be prepared as entered. Check the values, then try again.</source>
        <translation>입력한 내용으로는 송금을 준비할 수 없습니다. 값을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This transfer is already on its way: waiting for its receipt…</source>
        <translation>이 송금은 이미 진행 중입니다. 영수증을 기다리는 중…</translation>
    </message>
    <message>
        <source>The transfer did not go through.</source>
        <translation>송금이 처리되지 않았습니다.</translation>
    </message>
    <message>
        <source>The transfer could not be prepared because of a problem in the app. Nothing was signed unless Activity shows it. Try again; if it keeps happening, copy the details for support.</source>
        <translation>앱에 문제가 있어 송금을 준비할 수 없습니다. 활동 내역에 표시되지 않았다면 아무것도 서명되지 않았습니다. 다시 시도하세요. 문제가 계속되면 자세한 내용을 복사해 지원팀에 보내세요.</translation>
    </message>
    <message>
        <source>Send KAIA</source>
        <translation>KAIA 보내기</translation>
    </message>
    <message>
        <source>To whom, and how much</source>
        <translation>받는 사람과 금액</translation>
    </message>
    <message>
        <source>0x… the winner&apos;s address</source>
        <translation>0x… 당첨자의 주소</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation>예: 100</translation>
    </message>
    <message>
        <source>Amount in KAIA</source>
        <translation>KAIA 금액</translation>
    </message>
    <message>
        <source>optional, kept in this app only: e.g. Prize #1</source>
        <translation>선택 사항, 이 앱에만 보관됨: 예: 경품 #1</translation>
    </message>
    <message>
        <source>A note tells apart two payouts of the same amount to the same address</source>
        <translation>메모가 있으면 같은 주소로 같은 금액을 보낸 두 지급을 구별할 수 있습니다</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <source>Amount (KAIA)</source>
        <translation>금액 (KAIA)</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Sent {amount}</source>
        <translation>{amount} 보냄</translation>
    </message>
    <message>
        <source>{amount} went to {recipient}. The receipt is final.</source>
        <translation>{recipient}에게 {amount}을(를) 보냈습니다. 영수증이 확정되었습니다.</translation>
    </message>
    <message>
        <source>{amount} was already sent to this address with the note “{note}” on {when}. Confirm only if this is another payout; give it its own note (such as “Prize #2”) to tell them apart.</source>
        <translation>{when}에 이 주소로 메모 “{note}”와 함께 {amount}을(를) 이미 보냈습니다. 별도의 지급일 때만 확인하세요. 구별할 수 있도록 고유한 메모(예: “경품 #2”)를 붙이세요.</translation>
    </message>
    <message>
        <source>{amount} was already sent to this address with no note on {when}. Confirm only if this is another payout; give it its own note (such as “Prize #2”) to tell them apart.</source>
        <translation>{when}에 이 주소로 메모 없이 {amount}을(를) 이미 보냈습니다. 별도의 지급일 때만 확인하세요. 구별할 수 있도록 고유한 메모(예: “경품 #2”)를 붙이세요.</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>The form was changed after the review, so nothing was signed. Check this new review, then confirm.</source>
        <translation>검토 후 입력 내용이 바뀌어 아무것도 서명하지 않았습니다. 새로 검토한 내용을 살펴본 뒤 확인하세요.</translation>
    </message>
    <message>
        <source>Checking the network and estimating the fee…</source>
        <translation>네트워크를 확인하고 수수료를 추정하는 중…</translation>
    </message>
    <message>
        <source>Signing, sending and waiting for the receipt…</source>
        <translation>서명하고 보낸 뒤 영수증을 기다리는 중…</translation>
    </message>
    <message>
        <source>Getting test KAIA…</source>
        <translation>테스트 KAIA를 받는 중…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>The transaction cannot be prepared as entered. Check the values, then try again.</source>
        <translation>입력한 내용으로는 트랜잭션을 준비할 수 없습니다. 값을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This transaction is already on its way: waiting for its receipt…</source>
        <translation>이 트랜잭션은 이미 진행 중입니다. 영수증을 기다리는 중…</translation>
    </message>
    <message>
        <source>The transaction did not go through.</source>
        <translation>트랜잭션이 처리되지 않았습니다.</translation>
    </message>
    <message>
        <source>The transaction could not be prepared because of a problem in the app. Nothing was signed unless Activity shows it. Try again; if it keeps happening, copy the details for support.</source>
        <translation>앱에 문제가 있어 트랜잭션을 준비할 수 없습니다. 활동 내역에 표시되지 않았다면 아무것도 서명되지 않았습니다. 다시 시도하세요. 문제가 계속되면 자세한 내용을 복사해 지원팀에 보내세요.</translation>
    </message>
    <message>
        <source>What will be signed</source>
        <translation>서명할 내용</translation>
    </message>
    <message>
        <source>View transaction</source>
        <translation>트랜잭션 보기</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Change the request; nothing is signed</source>
        <translation>요청을 고칩니다. 아무것도 서명되지 않습니다</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sent — waiting for the network</source>
        <translation>보냄 — 네트워크 처리를 기다리는 중</translation>
    </message>
    <message>
        <source>The transaction is sent. The app keeps checking and shows the receipt in Activity.</source>
        <translation>트랜잭션을 보냈습니다. 앱이 계속 확인하며 영수증은 활동 내역에 표시됩니다.</translation>
    </message>
    <message>
        <source>Get test KAIA</source>
        <translation>테스트 KAIA 받기</translation>
    </message>
</context>
<context>
    <name>WalletPages</name>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Unlock your wallet</source>
        <translation>지갑 잠금 해제</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <source>Create another account</source>
        <translation>다른 계정 만들기</translation>
    </message>
    <message>
        <source>Import an account</source>
        <translation>계정 가져오기</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>잠그기</translation>
    </message>
    <message>
        <source>Lock the wallet: its password is needed to sign again</source>
        <translation>지갑을 잠급니다. 다시 서명하려면 비밀번호가 필요합니다</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Get test KAIA</source>
        <translation>테스트 KAIA 받기</translation>
    </message>
    <message>
        <source>Sandbox only: 100 test KAIA and permission to mint</source>
        <translation>샌드박스 전용: 테스트 KAIA 100개와 민팅 권한을 받습니다</translation>
    </message>
    <message>
        <source>Send KAIA…</source>
        <translation>KAIA 보내기…</translation>
    </message>
    <message>
        <source>Send KAIA from this wallet, e.g. a prize payout</source>
        <translation>이 지갑에서 KAIA를 보냅니다(예: 경품 지급)</translation>
    </message>
    <message>
        <source>View on KaiaScan</source>
        <translation>KaiaScan에서 보기</translation>
    </message>
    <message>
        <source>Account ▾</source>
        <translation>계정 ▾</translation>
    </message>
    <message>
        <source>Account actions</source>
        <translation>계정 작업</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Export keystore…</source>
        <translation>키스토어 내보내기…</translation>
    </message>
    <message>
        <source>Remove from this computer…</source>
        <translation>이 컴퓨터에서 삭제…</translation>
    </message>
    <message>
        <source>Address as a QR code</source>
        <translation>주소 QR 코드</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>활동 내역</translation>
    </message>
</context>
<context>
    <name>WalletView</name>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Token waiting to be minted</source>
        <translation>민팅을 기다리는 토큰</translation>
    </message>
    <message>
        <source>Opening the wallet…</source>
        <translation>지갑을 여는 중…</translation>
    </message>
    <message>
        <source>Set up your wallet</source>
        <translation>지갑 설정</translation>
    </message>
    <message>
        <source>Mint your SM6 on Kaia from a wallet inside this app. Its key stays on this computer, encrypted with your password. It starts on the sandbox network, where everything is free and nothing is real money.</source>
        <translation>이 앱 안의 지갑으로 Kaia에서 SM6를 민팅하세요. 키는 비밀번호로 암호화되어 이 컴퓨터에만 보관됩니다. 처음에는 모든 것이 무료이고 실제 돈이 오가지 않는 샌드박스 네트워크에서 시작합니다.</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <source>Import a wallet</source>
        <translation>지갑 가져오기</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>This wallet can mint on the campaign contract.</source>
        <translation>이 지갑은 캠페인 컨트랙트에서 민팅할 수 있습니다.</translation>
    </message>
    <message>
        <source>This wallet cannot mint yet: use Get test KAIA.</source>
        <translation>이 지갑은 아직 민팅할 수 없습니다. 테스트 KAIA 받기를 누르세요.</translation>
    </message>
    <message>
        <source>This wallet cannot mint yet: ask the campaign staff to approve it as a minter.</source>
        <translation>이 지갑은 아직 민팅할 수 없습니다. 캠페인 직원에게 민팅 권한 승인을 요청하세요.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>잠금 해제 중…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <source>Export keystore</source>
        <translation>키스토어 내보내기</translation>
    </message>
    <message>
        <source>Keystore files (*.json)</source>
        <translation>키스토어 파일 (*.json)</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>계정 이름 바꾸기</translation>
    </message>
    <message>
        <source>A name for this account, shown only in this app:</source>
        <translation>이 앱에서만 표시되는 계정 이름:</translation>
    </message>
    <message>
        <source>Remove this account?</source>
        <translation>이 계정을 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove “{name}” from this app?</source>
        <translation>이 앱에서 “{name}” 계정을 삭제할까요?</translation>
    </message>
    <message>
        <source>Without a backup of its keystore file or recovery phrase, the KAIA and tokens of {address} cannot be reached from this computer any more. The encrypted file is kept in the wallet folder&apos;s “removed” folder for support.</source>
        <translation>키스토어 파일이나 복구 문구를 백업해 두지 않았다면 이 컴퓨터에서는 더 이상 {address}의 KAIA와 토큰을 사용할 수 없습니다. 암호화된 파일은 지원을 위해 지갑 폴더의 “removed” 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Use Kaia Mainnet?</source>
        <translation>Kaia 메인넷을 사용할까요?</translation>
    </message>
    <message>
        <source>On Kaia Mainnet, minting and sending spend real KAIA and cannot be undone.</source>
        <translation>Kaia 메인넷에서는 민팅과 송금에 실제 KAIA가 쓰이며 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Use real KAIA</source>
        <translation>실제 KAIA 사용</translation>
    </message>
</context>
<context>
    <name>WalletViewModel</name>
    <message>
        <source>The wallet could not be read. Try again in a moment.</source>
        <translation>지갑을 읽을 수 없습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The wallet could not be unlocked. Try again.</source>
        <translation>지갑의 잠금을 해제할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The keystore could not be saved there. Choose another folder.</source>
        <translation>그 위치에는 키스토어를 저장할 수 없습니다. 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Unlock the new account with the password you just set.</source>
        <translation>방금 설정한 비밀번호로 새 계정의 잠금을 해제하세요.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>잠겼습니다.</translation>
    </message>
    <message>
        <source>Locked automatically after a while without use ({time}).</source>
        <translation>한동안 사용하지 않아 자동으로 잠겼습니다({time}).</translation>
    </message>
    <message>
        <source>The account was removed.</source>
        <translation>계정을 삭제했습니다.</translation>
    </message>
    <message>
        <source>Saved {file}. It is still encrypted with this wallet&apos;s password.</source>
        <translation>{file} 파일을 저장했습니다. 이 파일은 여전히 이 지갑의 비밀번호로 암호화되어 있습니다.</translation>
    </message>
    <message>
        <source>your design</source>
        <translation>내 디자인</translation>
    </message>
    <message>
        <source>Set up a wallet to mint “{name}”; your token is waiting.</source>
        <translation>“{name}”을(를) 민팅하려면 지갑을 설정하세요. 토큰이 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>Unlock your wallet to mint “{name}”; your token is waiting.</source>
        <translation>“{name}”을(를) 민팅하려면 지갑의 잠금을 해제하세요. 토큰이 기다리고 있습니다.</translation>
    </message>
</context>
<context>
    <name>WalletWords</name>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Kairos Testnet</source>
        <translation>Kairos 테스트넷</translation>
    </message>
    <message>
        <source>Kaia Mainnet</source>
        <translation>Kaia 메인넷</translation>
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
        <source>Custom node</source>
        <translation>사용자 지정 노드</translation>
    </message>
    <message>
        <source>{network} · not real money</source>
        <translation>{network} · 실제 돈 아님</translation>
    </message>
</context>
</TS>
