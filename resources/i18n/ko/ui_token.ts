<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>FilesCard</name>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Metadata address</source>
        <translation>메타데이터 주소</translation>
    </message>
    <message>
        <source>Image address</source>
        <translation>이미지 주소</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>메타데이터</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
</context>
<context>
    <name>JsonPage</name>
    <message>
        <source>Metadata CID</source>
        <translation>메타데이터 CID</translation>
    </message>
    <message>
        <source>Image CID</source>
        <translation>이미지 CID</translation>
    </message>
    <message>
        <source>The exact bytes that are published and hashed: UTF-8 JSON, keys sorted, no spaces.</source>
        <translation>게시되고 해시되는 바이트 그대로입니다. UTF-8 JSON이며 키는 정렬되고 공백은 없습니다.</translation>
    </message>
    <message>
        <source>Metadata JSON</source>
        <translation>메타데이터 JSON</translation>
    </message>
</context>
<context>
    <name>MintProof</name>
    <message>
        <source>Owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>컨트랙트</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>체인</translation>
    </message>
    <message>
        <source>Token ID</source>
        <translation>토큰 ID</translation>
    </message>
    <message>
        <source>View on KaiaScan</source>
        <translation>KaiaScan에서 보기</translation>
    </message>
    <message>
        <source>View transaction</source>
        <translation>트랜잭션 보기</translation>
    </message>
    <message>
        <source>minted</source>
        <translation>민팅 완료</translation>
    </message>
    <message>
        <source>Create Your SM6 · Kaia</source>
        <translation>Create Your SM6 · Kaia</translation>
    </message>
    <message>
        <source>Kaia</source>
        <translation>Kaia</translation>
    </message>
    <message>
        <source>not minted yet</source>
        <translation>아직 민팅되지 않음</translation>
    </message>
</context>
<context>
    <name>PublishCard</name>
    <message>
        <source>The image and metadata are only on this computer. Publish them so the token&apos;s ipfs:// addresses work for everyone.</source>
        <translation>이미지와 메타데이터가 아직 이 컴퓨터에만 있습니다. 누구나 토큰의 ipfs:// 주소를 열 수 있도록 게시하세요.</translation>
    </message>
    <message>
        <source>Waiting in the outbox; publishing starts in a moment.</source>
        <translation>게시 대기열에서 기다리고 있습니다. 곧 게시를 시작합니다.</translation>
    </message>
    <message>
        <source>The files are safe in the outbox and go out by themselves once the IPFS service can be reached, even after a restart.</source>
        <translation>파일은 게시 대기열에 안전하게 보관되어 있으며, IPFS 서비스에 연결되면 다시 시작한 뒤에도 자동으로 게시됩니다.</translation>
    </message>
    <message>
        <source>Uploading the image and metadata and checking that the node stores them under the token&apos;s CIDs…</source>
        <translation>이미지와 메타데이터를 업로드하고 노드가 토큰의 CID로 저장하는지 확인하는 중…</translation>
    </message>
    <message>
        <source>Uploaded. The pinning service is fetching the files; this can take a few minutes.</source>
        <translation>업로드했습니다. 고정 서비스가 파일을 가져오는 중이며 몇 분 걸릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Published: anyone can open the image and metadata at the token&apos;s ipfs:// addresses.</source>
        <translation>게시했습니다. 이제 누구나 토큰의 ipfs:// 주소에서 이미지와 메타데이터를 열 수 있습니다.</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>이 컴퓨터에만 있음</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation>네트워크 대기 중</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>업로드 중…</translation>
    </message>
    <message>
        <source>Pinning…</source>
        <translation>고정 중…</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Publishing failed.</source>
        <translation>게시하지 못했습니다.</translation>
    </message>
    <message>
        <source>Waiting in the outbox. {problem}</source>
        <translation>게시 대기열에서 기다리고 있습니다. {problem}</translation>
    </message>
    <message>
        <source>Upload the image and metadata to IPFS (set up in Settings)</source>
        <translation>이미지와 메타데이터를 IPFS에 업로드합니다(설정에서 설정)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>게시</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <source>Preparing the token…</source>
        <translation>토큰을 준비하는 중…</translation>
    </message>
    <message>
        <source>IPFS 2025 (CIDv1)</source>
        <translation>IPFS 2025 (CIDv1)</translation>
    </message>
    <message>
        <source>Kubo legacy (CIDv0)</source>
        <translation>Kubo 이전 방식 (CIDv0)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>검증 중…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Pick a design to preview its token</source>
        <translation>디자인을 골라 토큰을 미리 보세요</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Choose a design in the Library and describe it; here you see the token exactly as a marketplace will show it, with its IPFS addresses, before you mint it on Kaia.</source>
        <translation>라이브러리에서 디자인을 고르고 설명을 작성하세요. Kaia에서 민팅하기 전에, 마켓플레이스에 보일 모습 그대로 토큰과 IPFS 주소를 여기에서 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>Pick a design</source>
        <translation>디자인 선택</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Token loading</source>
        <translation>토큰 불러오는 중</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>토큰 이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Token image</source>
        <translation>토큰 이미지</translation>
    </message>
    <message>
        <source>Traits</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>The token carries the Korean description</source>
        <translation>토큰에 한국어 설명을 담습니다</translation>
    </message>
    <message>
        <source>The token carries the English description</source>
        <translation>토큰에 영어 설명을 담습니다</translation>
    </message>
    <message>
        <source>How the CIDs are computed: match the pinning service you will use</source>
        <translation>CID를 계산하는 방식입니다. 사용할 고정 서비스에 맞추세요</translation>
    </message>
    <message>
        <source>CID profile</source>
        <translation>CID 프로필</translation>
    </message>
    <message>
        <source>Export CAR…</source>
        <translation>CAR 내보내기…</translation>
    </message>
    <message>
        <source>Save the image and metadata as a CAR file for a pinning service</source>
        <translation>고정 서비스에 올릴 수 있도록 이미지와 메타데이터를 CAR 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Regenerate the image from the metadata and compare it with the one published</source>
        <translation>메타데이터로 이미지를 다시 생성해 게시된 이미지와 비교합니다</translation>
    </message>
    <message>
        <source>Mint on Kaia</source>
        <translation>Kaia에서 민팅</translation>
    </message>
    <message>
        <source>Mint this token on Kaia ({shortcut})</source>
        <translation>이 토큰을 Kaia에서 민팅합니다 ({shortcut})</translation>
    </message>
    <message>
        <source>Minted</source>
        <translation>민팅 완료</translation>
    </message>
    <message>
        <source>Minted on Kaia</source>
        <translation>Kaia에서 민팅 완료</translation>
    </message>
    <message>
        <source>Export CAR</source>
        <translation>CAR 내보내기</translation>
    </message>
    <message>
        <source>CAR files (*.car)</source>
        <translation>CAR 파일 (*.car)</translation>
    </message>
</context>
<context>
    <name>TokenViewModel</name>
    <message>
        <source>The design&apos;s image could not be read. Pick the design again.</source>
        <translation>디자인 이미지를 읽을 수 없습니다. 디자인을 다시 선택하세요.</translation>
    </message>
    <message>
        <source>The token could not be prepared. Pick the design again.</source>
        <translation>토큰을 준비할 수 없습니다. 디자인을 다시 선택하세요.</translation>
    </message>
    <message>
        <source>The CAR file could not be saved. Choose another folder and try again.</source>
        <translation>CAR 파일을 저장할 수 없습니다. 다른 폴더를 골라 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Saved {name}: upload it to any pinning service that takes CAR files.</source>
        <translation>{name} 파일을 저장했습니다. CAR 파일을 받는 고정 서비스 어디에나 업로드하세요.</translation>
    </message>
</context>
<context>
    <name>publish_queue</name>
    <message>
        <source>Publishing stopped because of an unexpected problem; it tries again later.</source>
        <translation>예상하지 못한 문제로 게시가 멈췄습니다. 잠시 후 다시 시도합니다.</translation>
    </message>
</context>
<context>
    <name>verify_action</name>
    <message>
        <source>Regenerating the image from the metadata to check it…</source>
        <translation>확인을 위해 메타데이터로 이미지를 다시 생성하는 중…</translation>
    </message>
    <message>
        <source>Verifying stopped because of an unexpected problem. Try again.</source>
        <translation>예상하지 못한 문제로 검증이 멈췄습니다. 다시 시도하세요.</translation>
    </message>
</context>
</TS>
