<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.curation</name>
    <message>
        <source>Copies: {groups} groups holding {entries} entries ({hashed} pictures hashed now).</source>
        <comment>campaign.duplicates</comment>
        <translation>중복: {groups}개 묶음에 출품작 {entries}개가 있습니다(이번에 해시한 그림 {hashed}개).</translation>
    </message>
    <message>
        <source>The export could not be written to {folder}</source>
        <comment>campaign.export_failed</comment>
        <translation>{folder}에 내보내기 파일을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Exported round {round} to {folder}.</source>
        <comment>campaign.exported</comment>
        <translation>라운드 {round}을(를) {folder}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>curate the campaign's submissions: import, status, export</source>
        <comment>campaign.help.campaign</comment>
        <translation>캠페인 응모작 큐레이션: 가져오기, 현황, 내보내기</translation>
    </message>
    <message>
        <source>the curation database: a file, or a postgresql:// URL (default: the setting)</source>
        <comment>campaign.help.database</comment>
        <translation>큐레이션 데이터베이스: 파일 또는 postgresql:// URL(기본값: 설정)</translation>
    </message>
    <message>
        <source>export scores (CSV), the finalists (ZIP) and the results report</source>
        <comment>campaign.help.export</comment>
        <translation>점수(CSV), 최종 후보(ZIP), 결과 보고서를 내보냅니다</translation>
    </message>
    <message>
        <source>the block to start listing the contract's tokens from</source>
        <comment>campaign.help.from_block</comment>
        <translation>컨트랙트의 토큰 목록을 읽기 시작할 블록</translation>
    </message>
    <message>
        <source>import submissions from a folder, a ZIP file, `library` (this computer's designs) or `chain:` (the campaign contract)</source>
        <comment>campaign.help.import</comment>
        <translation>폴더, ZIP 파일, `library`(이 컴퓨터의 디자인) 또는 `chain:`(캠페인 컨트랙트)에서 응모작을 가져옵니다</translation>
    </message>
    <message>
        <source>a Kubo node or IPFS gateway URL to fetch the tokens' files through</source>
        <comment>campaign.help.ipfs</comment>
        <translation>토큰 파일을 가져올 Kubo 노드 또는 IPFS 게이트웨이 URL</translation>
    </message>
    <message>
        <source>the folder to write the export into (made if missing)</source>
        <comment>campaign.help.out</comment>
        <translation>내보낼 폴더(없으면 만듭니다)</translation>
    </message>
    <message>
        <source>the round to export (default: the latest)</source>
        <comment>campaign.help.round</comment>
        <translation>내보낼 라운드(기본값: 가장 최근 라운드)</translation>
    </message>
    <message>
        <source>a folder, a .zip file, `library`, or `chain:` / `chain:NETWORK:CONTRACT` for the contract</source>
        <comment>campaign.help.source</comment>
        <translation>폴더, .zip 파일, `library`, 또는 컨트랙트는 `chain:` / `chain:NETWORK:CONTRACT`</translation>
    </message>
    <message>
        <source>show submissions by state, rounds and judges</source>
        <comment>campaign.help.status</comment>
        <translation>상태별 응모작, 라운드, 심사위원을 보여 줍니다</translation>
    </message>
    <message>
        <source>Import paused; run the same command again to continue.</source>
        <comment>campaign.import_cancelled</comment>
        <translation>가져오기를 일시 중지했습니다. 같은 명령을 다시 실행하면 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Imported {source}: {added} new, {already} already there, {bad} kept aside with their reasons.</source>
        <comment>campaign.imported</comment>
        <translation>{source}에서 가져왔습니다: 새 항목 {added}개, 이미 있던 항목 {already}개, 이유와 함께 보류한 항목 {bad}개.</translation>
    </message>
    <message>
        <source>Importing {source}: {done} of {total} read, {bad} kept aside, about {eta} left</source>
        <comment>campaign.importing</comment>
        <translation>{source} 가져오는 중: {total}개 중 {done}개 읽음, {bad}개 보류, 약 {eta} 남음</translation>
    </message>
    <message>
        <source>Importing {source}: {done} read, {bad} kept aside</source>
        <comment>campaign.importing_no_total</comment>
        <translation>{source} 가져오는 중: {done}개 읽음, {bad}개 보류</translation>
    </message>
    <message>
        <source>No campaign contract is set. Give it as chain:NETWORK:CONTRACT, or set it in Settings → Curation.</source>
        <comment>campaign.no_contract</comment>
        <translation>캠페인 컨트랙트가 설정되지 않았습니다. chain:NETWORK:CONTRACT로 지정하거나 설정 → 큐레이션에서 설정하세요.</translation>
    </message>
    <message>
        <source>No IPFS node or gateway is set to fetch the tokens' files through. Give one with --ipfs, or set it in Settings → Curation (or Publishing's Kubo node).</source>
        <comment>campaign.no_ipfs</comment>
        <translation>토큰 파일을 가져올 IPFS 노드나 게이트웨이가 설정되지 않았습니다. --ipfs로 지정하거나 설정 → 큐레이션(또는 게시의 Kubo 노드)에서 설정하세요.</translation>
    </message>
    <message>
        <source>There is no round to export yet: create one in Curation first.</source>
        <comment>campaign.no_rounds</comment>
        <translation>아직 내보낼 라운드가 없습니다. 먼저 큐레이션에서 라운드를 만드세요.</translation>
    </message>
    <message>
        <source>There is no round {round}.</source>
        <comment>campaign.no_such_round</comment>
        <translation>라운드 {round}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>{source} is not a folder, a ZIP file, `library` or `chain:`. Check the name and try again.</source>
        <comment>campaign.no_such_source</comment>
        <translation>{source}은(는) 폴더, ZIP 파일, `library`, `chain:` 중 어느 것도 아닙니다. 이름을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>minted after the deadline</source>
        <comment>campaign.problem.after_deadline</comment>
        <translation>마감 후 민팅</translation>
    </message>
    <message>
        <source>files that are not what their CID names</source>
        <comment>campaign.problem.cid_mismatch</comment>
        <translation>CID와 내용이 다른 파일</translation>
    </message>
    <message>
        <source>missing or invalid metadata</source>
        <comment>campaign.problem.invalid_metadata</comment>
        <translation>없거나 잘못된 메타데이터</translation>
    </message>
    <message>
        <source>files the IPFS source did not give (tried again next import)</source>
        <comment>campaign.problem.unreachable</comment>
        <translation>IPFS에서 받지 못한 파일(다음 가져오기 때 다시 시도)</translation>
    </message>
    <message>
        <source>pictures that cannot be read</source>
        <comment>campaign.problem.unreadable_image</comment>
        <translation>읽을 수 없는 그림</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>campaign.state.closed</comment>
        <translation>마감</translation>
    </message>
    <message>
        <source>locked</source>
        <comment>campaign.state.locked</comment>
        <translation>확정</translation>
    </message>
    <message>
        <source>open for scoring</source>
        <comment>campaign.state.open</comment>
        <translation>채점 중</translation>
    </message>
    <message>
        <source>  {kind}: {count}</source>
        <comment>campaign.status.bad_kind</comment>
        <translation>  {kind}: {count}개</translation>
    </message>
    <message>
        <source>Submissions: {ok} valid, {bad} kept aside, {disqualified} disqualified, {duplicates} in duplicate groups.</source>
        <comment>campaign.status.counts</comment>
        <translation>응모작: 유효 {ok}개, 보류 {bad}개, 실격 처리 {disqualified}개, 중복 묶음 {duplicates}개.</translation>
    </message>
    <message>
        <source>Database: {where} ({kind})</source>
        <comment>campaign.status.database</comment>
        <translation>데이터베이스: {where} ({kind})</translation>
    </message>
    <message>
        <source>Judges: {names}</source>
        <comment>campaign.status.judges</comment>
        <translation>심사위원: {names}</translation>
    </message>
    <message>
        <source>Judges: none yet</source>
        <comment>campaign.status.no_judges</comment>
        <translation>심사위원: 아직 없음</translation>
    </message>
    <message>
        <source>Round {position}, {name} ({state}): {entries} entries, {verdicts} verdicts</source>
        <comment>campaign.status.round</comment>
        <translation>라운드 {position}, {name} ({state}): 출품작 {entries}개, 심사 {verdicts}건</translation>
    </message>
    <message>
        <source>{network} is not a network this app knows: use sandbox, kairos, mainnet or custom.</source>
        <comment>campaign.unknown_network</comment>
        <translation>{network}은(는) 이 앱이 모르는 네트워크입니다. sandbox, kairos, mainnet, custom 중 하나를 쓰세요.</translation>
    </message>
    <message>
        <source>Minted on {minted}, after the submission deadline of {deadline}.</source>
        <comment>curation.chain.after_deadline</comment>
        <translation>{minted}에 민팅되어 제출 마감({deadline})이 지난 뒤입니다.</translation>
    </message>
    <message>
        <source>The token's data: address cannot be read as JSON text.</source>
        <comment>curation.chain.bad_data_uri</comment>
        <translation>토큰의 data: 주소를 JSON 텍스트로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The bytes served for {cid} are not the file that CID names (they hash to something else): the gateway or the upload is wrong.</source>
        <comment>curation.chain.cid_mismatch</comment>
        <translation>{cid}(으)로 받은 바이트가 그 CID가 가리키는 파일이 아닙니다(해시 값이 다릅니다). 게이트웨이나 업로드가 잘못되었습니다.</translation>
    </message>
    <message>
        <source>The token's image declares a picture too large to open safely (more than {limit} million pixels).</source>
        <comment>curation.chain.image_bomb</comment>
        <translation>토큰의 이미지가 안전하게 열기에는 너무 큰 크기(최대 {limit}백만 픽셀 초과)를 선언합니다.</translation>
    </message>
    <message>
        <source>The token's image is {width} × {height} pixels, too large to open safely (at most {limit} million pixels).</source>
        <comment>curation.chain.image_too_large</comment>
        <translation>토큰의 이미지는 {width} × {height} 픽셀로, 안전하게 열기에는 너무 큽니다(최대 {limit}백만 픽셀).</translation>
    </message>
    <message>
        <source>The token's image cannot be read as a PNG, JPEG or WebP picture.</source>
        <comment>curation.chain.image_unreadable</comment>
        <translation>토큰의 이미지를 PNG, JPEG 또는 WebP 그림으로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The {service} left out part of {cid}, so it could not be checked. It is kept aside; importing again later tries it again.</source>
        <comment>curation.chain.incomplete_car</comment>
        <translation>{service}에서 {cid}의 일부를 보내지 않아 검증할 수 없었습니다. 따로 보관했으며, 나중에 다시 가져오면 다시 시도합니다.</translation>
    </message>
    <message>
        <source>IPFS gateway</source>
        <comment>curation.chain.ipfs_gateway</comment>
        <translation>IPFS 게이트웨이</translation>
    </message>
    <message>
        <source>IPFS node</source>
        <comment>curation.chain.ipfs_node</comment>
        <translation>IPFS 노드</translation>
    </message>
    <message>
        <source>The token's metadata</source>
        <comment>curation.chain.metadata</comment>
        <translation>토큰의 메타데이터</translation>
    </message>
    <message>
        <source>The token's metadata breaks the schema: {problems}</source>
        <comment>curation.chain.metadata_invalid</comment>
        <translation>토큰의 메타데이터가 스키마에 맞지 않습니다: {problems}</translation>
    </message>
    <message>
        <source>The {service} does not send files in the verifiable CAR form (trustless mode), so {cid} could not be checked. It is kept aside; import again through a gateway that supports it, or an IPFS node.</source>
        <comment>curation.chain.no_car_replies</comment>
        <translation>{service}에서 검증할 수 있는 CAR 형식(trustless 모드)으로 파일을 보내지 않아 {cid}을(를) 검증할 수 없었습니다. 따로 보관했습니다. 이를 지원하는 게이트웨이나 IPFS 노드를 통해 다시 가져오세요.</translation>
    </message>
    <message>
        <source>No campaign contract address is set for {network}. Enter the contract's address and import again.</source>
        <comment>curation.chain.no_contract</comment>
        <translation>{network}에 캠페인 컨트랙트 주소가 설정되어 있지 않습니다. 컨트랙트 주소를 입력하고 다시 가져오세요.</translation>
    </message>
    <message>
        <source>The token's metadata names no image.</source>
        <comment>curation.chain.no_image</comment>
        <translation>토큰의 메타데이터에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>The {network} node sent a reply this app cannot read. What was imported so far is kept; import again later, or choose another node.</source>
        <comment>curation.chain.node_garbled</comment>
        <translation>{network} 노드가 이 앱이 읽을 수 없는 응답을 보냈습니다. 지금까지 가져온 항목은 그대로 있습니다. 나중에 다시 가져오거나 다른 노드를 선택하세요.</translation>
    </message>
    <message>
        <source>The {network} node refused to list or read the campaign's tokens. What was imported so far is kept; check the contract address, or choose another node.</source>
        <comment>curation.chain.node_refused</comment>
        <translation>{network} 노드가 캠페인 토큰의 목록 조회나 읽기를 거부했습니다. 지금까지 가져온 항목은 그대로 있습니다. 컨트랙트 주소를 확인하거나 다른 노드를 선택하세요.</translation>
    </message>
    <message>
        <source>The {network} node did not answer. What was imported so far is kept; import again when it is back, and it continues where it stopped.</source>
        <comment>curation.chain.node_unreachable</comment>
        <translation>{network} 노드가 응답하지 않았습니다. 지금까지 가져온 항목은 그대로 있습니다. 노드가 다시 응답하면 다시 가져오세요. 멈춘 곳부터 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>“{path}” in the IPFS folder {cid} is not a file this app can read.</source>
        <comment>curation.chain.not_a_file</comment>
        <translation>IPFS 폴더 {cid}의 “{path}”은(는) 이 앱이 읽을 수 있는 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The address {uri} is not an IPFS address (ipfs://…): only content-addressed files are trusted, since anything else can change after the deadline.</source>
        <comment>curation.chain.not_content_addressed</comment>
        <translation>{uri} 주소는 IPFS 주소(ipfs://…)가 아닙니다. 다른 주소의 파일은 마감 뒤에 바뀔 수 있으므로 콘텐츠 주소 파일만 신뢰합니다.</translation>
    </message>
    <message>
        <source>The IPFS folder {cid} has no file named “{path}”.</source>
        <comment>curation.chain.path_not_found</comment>
        <translation>IPFS 폴더 {cid}에 “{path}” 파일이 없습니다.</translation>
    </message>
    <message>
        <source>The {service} answered HTTP {status} for {cid}. It is kept aside; importing again later tries it again.</source>
        <comment>curation.chain.refused</comment>
        <translation>{service}에서 {cid} 요청에 HTTP {status}(으)로 응답했습니다. 따로 보관했으며, 나중에 다시 가져오면 다시 시도합니다.</translation>
    </message>
    <message>
        <source>The IPFS folder {cid} is a sharded (HAMT) folder, which this app cannot check yet, so “{path}” was not read.</source>
        <comment>curation.chain.sharded_folder</comment>
        <translation>IPFS 폴더 {cid}은(는) 샤딩된(HAMT) 폴더이며 이 앱은 아직 이를 검증할 수 없어 “{path}”을(를) 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>The file {cid} is larger than {max_mb} MB, so it was not read.</source>
        <comment>curation.chain.too_large</comment>
        <translation>{cid} 파일이 {max_mb}MB보다 커서 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>“{cid}” is not an IPFS content address (CID) this app can check.</source>
        <comment>curation.chain.unknown_cid</comment>
        <translation>“{cid}”은(는) 이 앱이 확인할 수 있는 IPFS 콘텐츠 주소(CID)가 아닙니다.</translation>
    </message>
    <message>
        <source>The {service} did not deliver {cid} in time. It is kept aside; importing again later tries it again.</source>
        <comment>curation.chain.unreachable</comment>
        <translation>{service}에서 {cid} 파일을 제시간에 받지 못했습니다. 따로 보관했으며, 나중에 다시 가져오면 다시 시도합니다.</translation>
    </message>
    <message>
        <source>The node for {network} is on chain {actual_id}, not chain {expected_id}. Nothing was imported: check the network and node address chosen for the import.</source>
        <comment>curation.chain.wrong_chain</comment>
        <translation>{network} 노드가 체인 {expected_id}이(가) 아닌 체인 {actual_id}에 있습니다. 아무것도 가져오지 않았습니다. 가져오기에 선택한 네트워크와 노드 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The {env_var} environment variable holds a line break, so it is ignored.</source>
        <comment>curation.db_password.bad_env</comment>
        <translation>{env_var} 환경 변수에 줄바꿈이 들어 있어 무시합니다.</translation>
    </message>
    <message>
        <source>The database password saved in the system keyring is not usable. Enter it again in Settings.</source>
        <comment>curation.db_password.bad_stored</comment>
        <translation>시스템 키링에 저장된 데이터베이스 비밀번호를 사용할 수 없습니다. 설정에서 다시 입력하세요.</translation>
    </message>
    <message>
        <source>The password is empty. Type the database user's password.</source>
        <comment>curation.db_password.empty</comment>
        <translation>비밀번호가 비어 있습니다. 데이터베이스 사용자의 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>The system keyring could not be read (it may be locked), so the database password can only come from the {env_var} environment variable. Unlock the keyring and try again.</source>
        <comment>curation.db_password.keyring_unreadable</comment>
        <translation>시스템 키링을 읽을 수 없어(잠겨 있을 수 있습니다) {env_var} 환경 변수로만 데이터베이스 비밀번호를 받을 수 있습니다. 키링 잠금을 해제하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} environment variable.</source>
        <comment>curation.db_password.keyring_unwritable</comment>
        <translation>비밀번호를 시스템 키링에 저장할 수 없습니다. 키링 잠금을 해제하고 다시 시도하거나 {env_var} 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>A password has no line breaks inside. Type it again, on one line.</source>
        <comment>curation.db_password.line_breaks</comment>
        <translation>비밀번호에는 줄바꿈이 들어갈 수 없습니다. 한 줄로 다시 입력하세요.</translation>
    </message>
    <message>
        <source>This system has no keyring to keep the database password safe, so it can only come from the {env_var} environment variable. Set it before starting SM6 Design Studio.</source>
        <comment>curation.db_password.no_keyring</comment>
        <translation>이 시스템에는 데이터베이스 비밀번호를 안전하게 보관할 키링이 없어 {env_var} 환경 변수로만 비밀번호를 받을 수 있습니다. SM6 Design Studio를 시작하기 전에 설정하세요.</translation>
    </message>
    <message>
        <source>That round is no longer in the curation database; nothing was exported.</source>
        <comment>curation.export.no_round</comment>
        <translation>그 라운드가 더 이상 큐레이션 데이터베이스에 없습니다. 아무것도 내보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Finalists of {round}, exported {when}.

Each folder holds one finalist, in order ({count} in all):
  image.*          the picture exactly as it was submitted
  metadata.json    the token metadata as it was imported (when there was any)
  description.txt  the entrant's description
  provenance.json  where it came from: source, token, contract, owner, CIDs, mint time, generation settings
  scores.json      every judge's verdict, scores and comment, and the entry's place in the ranking

finalists.csv lists them all in one table.
</source>
        <comment>curation.export.readme</comment>
        <translation>{round}의 최종 후보입니다. {when}에 내보냈습니다.

폴더 하나에 최종 후보 하나가 순서대로 들어 있습니다(모두 {count}개):
  image.*          응모된 그대로의 이미지
  metadata.json    가져온 그대로의 토큰 메타데이터(있는 경우)
  description.txt  응모자의 설명
  provenance.json  출처: 소스, 토큰, 컨트랙트, 소유자, CID, 민팅 시각, 생성 설정
  scores.json      모든 심사위원의 판정, 점수, 의견과 이 출품작의 순위

finalists.csv에 모두 한 표로 정리되어 있습니다.
</translation>
    </message>
    <message>
        <source>The export could not be written to {file}: {reason}.</source>
        <comment>curation.export.write_failed</comment>
        <translation>내보내기를 {file}에 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>A quoted setting in the picture's AUTOMATIC1111 parameters</source>
        <comment>curation.import.a1111_value</comment>
        <translation>그림의 AUTOMATIC1111 매개변수 중 따옴표로 묶인 설정</translation>
    </message>
    <message>
        <source>{file} was not unpacked: the archive already unpacked to {limit_gb} GB, the most one import reads.</source>
        <comment>curation.import.archive_budget</comment>
        <translation>{file}을(를) 풀지 않았습니다: 이 ZIP 파일에서 이미 한 번에 가져올 수 있는 최대치인 {limit_gb} GB를 풀었습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} breaks the token schema: {problem}</source>
        <comment>curation.import.breaks_schema</comment>
        <translation>{file}의 메타데이터가 토큰 스키마에 맞지 않습니다: {problem}</translation>
    </message>
    <message>
        <source>A block in {file} does not match its CID: the CAR file was altered or damaged after it was made.</source>
        <comment>curation.import.car_altered</comment>
        <translation>{file}의 블록 하나가 CID와 맞지 않습니다: CAR 파일이 만들어진 뒤 변경되었거나 손상되었습니다.</translation>
    </message>
    <message>
        <source>{file} is not a CAR file this app can read, or it is damaged.</source>
        <comment>curation.import.car_damaged</comment>
        <translation>{file}은(는) 이 앱이 읽을 수 있는 CAR 파일이 아니거나 손상되었습니다.</translation>
    </message>
    <message>
        <source>{file} lacks part of the file {cid}, so it cannot be put back together.</source>
        <comment>curation.import.car_missing_block</comment>
        <translation>{file}에 파일 {cid}의 일부가 없어 다시 조립할 수 없습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} names the image {cid}, which is not in the CAR file.</source>
        <comment>curation.import.car_no_image</comment>
        <translation>{file}의 메타데이터가 이미지 {cid}를 가리키지만 CAR 파일에 없습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} names the image {cid}, but the CAR file holds another image ({found}).</source>
        <comment>curation.import.car_other_image</comment>
        <translation>{file}의 메타데이터가 이미지 {cid}를 가리키지만 CAR 파일에는 다른 이미지({found})가 들어 있습니다.</translation>
    </message>
    <message>
        <source>The saved import position</source>
        <comment>curation.import.cursor_what</comment>
        <translation>저장된 가져오기 위치</translation>
    </message>
    <message>
        <source>{file} is damaged: the picture cannot be read to its end.</source>
        <comment>curation.import.damaged_picture</comment>
        <translation>{file}이(가) 손상되었습니다: 그림을 끝까지 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>A design in the library (number {key}) has damaged saved settings, so it cannot be judged.</source>
        <comment>curation.import.design_damaged</comment>
        <translation>라이브러리의 디자인(번호 {key})에 저장된 설정이 손상되어 심사할 수 없습니다.</translation>
    </message>
    <message>
        <source>The picture of design {design} is missing from the library's folder.</source>
        <comment>curation.import.design_image_missing</comment>
        <translation>디자인 {design}의 그림이 라이브러리 폴더에 없습니다.</translation>
    </message>
    <message>
        <source>{file} cannot be unpacked from the archive (it is damaged, encrypted or packed in a way this app does not read).</source>
        <comment>curation.import.entry_damaged</comment>
        <translation>{file}을(를) ZIP 파일에서 풀 수 없습니다(손상되었거나, 암호화되었거나, 이 앱이 읽지 못하는 방식으로 압축되었습니다).</translation>
    </message>
    <message>
        <source>The import stopped: {reason} What was imported so far is kept; import again to continue from there.</source>
        <comment>curation.import.failed</comment>
        <translation>가져오기가 중단되었습니다: {reason} 지금까지 가져온 항목은 그대로 있습니다. 다시 가져오면 그 지점부터 이어집니다.</translation>
    </message>
    <message>
        <source>{file} says it is {width}×{height} pixels, larger than this app opens (at most {max_side} pixels a side and {max_mp} megapixels), so it was not opened.</source>
        <comment>curation.import.image_bomb</comment>
        <translation>{file}은(는) 크기가 {width}×{height} 픽셀이라고 밝히고 있어 이 앱이 여는 한도(한 변 최대 {max_side} 픽셀, 최대 {max_mp} 메가픽셀)를 넘습니다. 열지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} declares a picture far larger than this app opens, so it was not opened.</source>
        <comment>curation.import.image_bomb_unsized</comment>
        <translation>{file}은(는) 이 앱이 여는 한도보다 훨씬 큰 그림이라고 밝히고 있어 열지 않았습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} names the image {cid}, but {image} is another file (its CID is {found}).</source>
        <comment>curation.import.image_cid_mismatch</comment>
        <translation>{file}의 메타데이터가 이미지 {cid}를 가리키지만 {image}은(는) 다른 파일입니다(CID: {found}).</translation>
    </message>
    <message>
        <source>The metadata in {file} names the image {image}, which is not among the files.</source>
        <comment>curation.import.image_not_found</comment>
        <translation>{file}의 메타데이터가 이미지 {image}를 가리키지만 파일 중에 없습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} does not name its image.</source>
        <comment>curation.import.image_not_named</comment>
        <translation>{file}의 메타데이터에 이미지가 적혀 있지 않습니다.</translation>
    </message>
    <message>
        <source>{file} is a link to somewhere outside the folder, so it was not followed.</source>
        <comment>curation.import.link_outside</comment>
        <translation>{file}은(는) 폴더 밖을 가리키는 링크여서 따라가지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} is not an ordinary file, so it was not read.</source>
        <comment>curation.import.not_a_file</comment>
        <translation>{file}은(는) 일반 파일이 아니어서 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} is not a PNG or JPEG picture, so it cannot be judged.</source>
        <comment>curation.import.not_a_picture</comment>
        <translation>{file}은(는) PNG나 JPEG 그림이 아니어서 심사할 수 없습니다.</translation>
    </message>
    <message>
        <source>{file} is neither a folder nor a ZIP archive this app can open (it may be damaged or another kind of file). Nothing was imported from it.</source>
        <comment>curation.import.not_a_source</comment>
        <translation>{file}은(는) 이 앱이 열 수 있는 폴더나 ZIP 파일이 아닙니다(손상되었거나 다른 종류의 파일일 수 있습니다). 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} names a place outside the archive (“..” or an absolute path), so it was refused.</source>
        <comment>curation.import.path_escapes</comment>
        <translation>{file}은(는) ZIP 파일 밖의 위치(“..” 또는 절대 경로)를 가리켜 거부했습니다.</translation>
    </message>
    <message>
        <source>{file} is larger than {limit_mb} MB, more than one entry may be, so it was not read.</source>
        <comment>curation.import.too_large</comment>
        <translation>{file}은(는) {limit_mb} MB보다 커서 출품작 하나로 읽을 수 없습니다. 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} holds more than {limit} files, more than one import takes. Split it into smaller archives.</source>
        <comment>curation.import.too_many_items</comment>
        <translation>{file}에 파일이 {limit}개보다 많아 한 번에 가져올 수 없습니다. 더 작은 ZIP 파일로 나누세요.</translation>
    </message>
    <message>
        <source>{file} could not be read from the disk or the archive.</source>
        <comment>curation.import.unreadable</comment>
        <translation>{file}을(를) 디스크나 ZIP 파일에서 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The metadata in {file} {problem}</source>
        <comment>curation.import.unreadable_metadata</comment>
        <translation>{file}의 메타데이터: {problem}</translation>
    </message>
    <message>
        <source>{file} was listed but is no longer there.</source>
        <comment>curation.import.vanished</comment>
        <translation>{file}이(가) 목록에는 있었지만 지금은 없습니다.</translation>
    </message>
    <message>
        <source>{file} would unpack to {ratio} times its packed size, which only a zip bomb does, so it was not unpacked.</source>
        <comment>curation.import.zip_bomb</comment>
        <translation>{file}은(는) 압축된 크기의 {ratio}배로 풀립니다. 압축 폭탄에서만 생기는 일이어서 풀지 않았습니다.</translation>
    </message>
    <message>
        <source>Disagreement beyond chance: the judges rank against each other.</source>
        <comment>curation.report.alpha.against</comment>
        <translation>우연보다 낮은 일치: 심사위원들의 순위가 서로 엇갈립니다.</translation>
    </message>
    <message>
        <source>Little agreement: the judges mostly differ.</source>
        <comment>curation.report.alpha.little</comment>
        <translation>거의 일치하지 않음: 심사위원들의 판단이 대부분 다릅니다.</translation>
    </message>
    <message>
        <source>Moderate agreement: the ranking is fairly reliable.</source>
        <comment>curation.report.alpha.moderate</comment>
        <translation>보통 일치: 순위를 어느 정도 믿을 수 있습니다.</translation>
    </message>
    <message>
        <source>Not measurable: two judges must score the same entries.</source>
        <comment>curation.report.alpha.none</comment>
        <translation>측정할 수 없음: 두 심사위원이 같은 출품작을 채점해야 합니다.</translation>
    </message>
    <message>
        <source>Strong agreement: the judges rank alike.</source>
        <comment>curation.report.alpha.strong</comment>
        <translation>높은 일치: 심사위원들의 순위가 비슷합니다.</translation>
    </message>
    <message>
        <source>Weak agreement: read close places with care.</source>
        <comment>curation.report.alpha.weak</comment>
        <translation>낮은 일치: 근소한 순위 차이는 신중히 보세요.</translation>
    </message>
    <message>
        <source>α is Krippendorff's alpha over the judges' weighted totals: 1 is full agreement, 0 is what chance would give. 0.8 and above is usually taken as reliable.</source>
        <comment>curation.report.alpha_note</comment>
        <translation>α는 심사위원들의 가중 합계로 구한 Krippendorff의 알파입니다. 1은 완전한 일치, 0은 우연과 같은 수준입니다. 보통 0.8 이상이면 신뢰할 수 있다고 봅니다.</translation>
    </message>
    <message>
        <source>Blind</source>
        <comment>curation.report.blind</comment>
        <translation>블라인드</translation>
    </message>
    <message>
        <source>Only complete scores are counted; abstentions, conflicts of interest and unfinished verdicts are left out.</source>
        <comment>curation.report.charts_note</comment>
        <translation>완전한 점수만 셉니다. 기권, 이해 충돌, 완성되지 않은 판정은 제외합니다.</translation>
    </message>
    <message>
        <source>Craft</source>
        <comment>curation.report.criterion.craft</comment>
        <translation>완성도</translation>
    </message>
    <message>
        <source>Description</source>
        <comment>curation.report.criterion.description</comment>
        <translation>설명</translation>
    </message>
    <message>
        <source>Originality</source>
        <comment>curation.report.criterion.originality</comment>
        <translation>독창성</translation>
    </message>
    <message>
        <source>True to the SM6</source>
        <comment>curation.report.criterion.sm6</comment>
        <translation>SM6다움</translation>
    </message>
    <message>
        <source>{criterion}: scores given</source>
        <comment>curation.report.criterion_chart</comment>
        <translation>{criterion}: 매긴 점수</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <comment>curation.report.disqualified</comment>
        <translation>실격 처리</translation>
    </message>
    <message>
        <source>Score distributions</source>
        <comment>curation.report.distributions</comment>
        <translation>점수 분포</translation>
    </message>
    <message>
        <source>After the deadline</source>
        <comment>curation.report.dq.after_deadline</comment>
        <translation>마감 이후</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <comment>curation.report.dq.duplicate</comment>
        <translation>중복</translation>
    </message>
    <message>
        <source>Not an SM6</source>
        <comment>curation.report.dq.not_sm6</comment>
        <translation>SM6가 아님</translation>
    </message>
    <message>
        <source>Other reason</source>
        <comment>curation.report.dq.other</comment>
        <translation>기타 사유</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <comment>curation.report.dq.unsafe</comment>
        <translation>부적절한 내용</translation>
    </message>
    <message>
        <source>In duplicate groups</source>
        <comment>curation.report.duplicates</comment>
        <translation>중복 그룹에 속한 응모작</translation>
    </message>
    <message>
        <source>Entries</source>
        <comment>curation.report.entries</comment>
        <translation>출품작</translation>
    </message>
    <message>
        <source>Entry</source>
        <comment>curation.report.entry</comment>
        <translation>출품작</translation>
    </message>
    <message>
        <source>Entry {entry}</source>
        <comment>curation.report.entry_no</comment>
        <translation>출품작 {entry}</translation>
    </message>
    <message>
        <source>Made by SM6 Design Studio.</source>
        <comment>curation.report.footer</comment>
        <translation>SM6 Design Studio에서 만들었습니다.</translation>
    </message>
    <message>
        <source>How many</source>
        <comment>curation.report.how_many</comment>
        <translation>개수</translation>
    </message>
    <message>
        <source>Judges</source>
        <comment>curation.report.judges</comment>
        <translation>심사위원</translation>
    </message>
    <message>
        <source>Each judge's mean total ± one standard deviation</source>
        <comment>curation.report.judges_chart</comment>
        <translation>심사위원별 평균 합계 ± 표준편차</translation>
    </message>
    <message>
        <source>Kept aside</source>
        <comment>curation.report.kept_aside</comment>
        <translation>제외됨</translation>
    </message>
    <message>
        <source>Made {when} from the curation database.</source>
        <comment>curation.report.made</comment>
        <translation>큐레이션 데이터베이스에서 {when}에 만들었습니다.</translation>
    </message>
    <message>
        <source>Mean score (1–5)</source>
        <comment>curation.report.mean_score</comment>
        <translation>평균 점수(1–5)</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>curation.report.name</comment>
        <translation>이름</translation>
    </message>
    <message>
        <source>No</source>
        <comment>curation.report.no</comment>
        <translation>아니요</translation>
    </message>
    <message>
        <source>No picture</source>
        <comment>curation.report.no_picture</comment>
        <translation>이미지 없음</translation>
    </message>
    <message>
        <source>No scores yet.</source>
        <comment>curation.report.no_scores</comment>
        <translation>아직 점수가 없습니다.</translation>
    </message>
    <message>
        <source>No winners are recorded for this round yet: they appear here once the result is locked.</source>
        <comment>curation.report.no_winners</comment>
        <translation>이 라운드에 기록된 수상작이 아직 없습니다. 결과를 잠그면 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Normalised total</source>
        <comment>curation.report.normalised</comment>
        <translation>정규화 합계</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>curation.report.other</comment>
        <translation>기타</translation>
    </message>
    <message>
        <source>Owner</source>
        <comment>curation.report.owner</comment>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Picture of entry {entry}</source>
        <comment>curation.report.picture_of</comment>
        <translation>출품작 {entry}의 이미지</translation>
    </message>
    <message>
        <source>Place {rank}</source>
        <comment>curation.report.place</comment>
        <translation>{rank}위</translation>
    </message>
    <message>
        <source>Minted after the deadline</source>
        <comment>curation.report.problem.after_deadline</comment>
        <translation>마감 후 민팅됨</translation>
    </message>
    <message>
        <source>Bytes do not match their CID</source>
        <comment>curation.report.problem.cid_mismatch</comment>
        <translation>바이트가 CID와 일치하지 않음</translation>
    </message>
    <message>
        <source>Metadata missing or invalid</source>
        <comment>curation.report.problem.invalid_metadata</comment>
        <translation>메타데이터가 없거나 잘못됨</translation>
    </message>
    <message>
        <source>Not reachable when imported</source>
        <comment>curation.report.problem.unreachable</comment>
        <translation>가져올 때 연결할 수 없었음</translation>
    </message>
    <message>
        <source>Picture unreadable or too large</source>
        <comment>curation.report.problem.unreadable_image</comment>
        <translation>이미지를 읽을 수 없거나 너무 큼</translation>
    </message>
    <message>
        <source>Rank</source>
        <comment>curation.report.rank</comment>
        <translation>순위</translation>
    </message>
    <message>
        <source>Ranking</source>
        <comment>curation.report.ranking</comment>
        <translation>순위</translation>
    </message>
    <message>
        <source>What α says</source>
        <comment>curation.report.reading</comment>
        <translation>α의 의미</translation>
    </message>
    <message>
        <source>Round</source>
        <comment>curation.report.round</comment>
        <translation>라운드</translation>
    </message>
    <message>
        <source>Rounds</source>
        <comment>curation.report.rounds</comment>
        <translation>라운드</translation>
    </message>
    <message>
        <source>Score</source>
        <comment>curation.report.score</comment>
        <translation>점수</translation>
    </message>
    <message>
        <source>Shown: {shown} of {ranked} ranked entries.</source>
        <comment>curation.report.shown</comment>
        <translation>표시: 순위가 매겨진 출품작 {ranked}개 중 {shown}개.</translation>
    </message>
    <message>
        <source>State</source>
        <comment>curation.report.state</comment>
        <translation>상태</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>curation.report.state.closed</comment>
        <translation>마감됨</translation>
    </message>
    <message>
        <source>Locked (final)</source>
        <comment>curation.report.state.locked</comment>
        <translation>잠김(확정)</translation>
    </message>
    <message>
        <source>Open for scoring</source>
        <comment>curation.report.state.open</comment>
        <translation>채점 중</translation>
    </message>
    <message>
        <source>Submissions</source>
        <comment>curation.report.submissions</comment>
        <translation>응모작</translation>
    </message>
    <message>
        <source>Submissions imported</source>
        <comment>curation.report.submitted</comment>
        <translation>가져온 응모작</translation>
    </message>
    <message>
        <source>tie</source>
        <comment>curation.report.tie</comment>
        <translation>동점</translation>
    </message>
    <message>
        <source>Entries with equal totals share a rank and are marked as a tie; they are listed by entry number, which decides nothing. The normalised total is the mean of the judges' z-scores, so a harsh and a lenient judge weigh the same.</source>
        <comment>curation.report.ties_note</comment>
        <translation>합계가 같은 출품작은 같은 순위를 나누어 갖고 동점으로 표시됩니다. 출품작 번호순으로 나열하지만 이 순서는 아무것도 결정하지 않습니다. 정규화 합계는 심사위원별 z-점수의 평균이므로 엄격한 심사위원과 너그러운 심사위원의 비중이 같습니다.</translation>
    </message>
    <message>
        <source>Campaign results: {round}</source>
        <comment>curation.report.title</comment>
        <translation>캠페인 결과: {round}</translation>
    </message>
    <message>
        <source>Token #{token}</source>
        <comment>curation.report.token</comment>
        <translation>토큰 #{token}</translation>
    </message>
    <message>
        <source>Weighted totals of every verdict</source>
        <comment>curation.report.totals_chart</comment>
        <translation>모든 판정의 가중 합계</translation>
    </message>
    <message>
        <source>Not ranked yet, without a complete score: {count}.</source>
        <comment>curation.report.unscored</comment>
        <translation>완전한 점수가 없어 아직 순위가 없는 출품작: {count}개.</translation>
    </message>
    <message>
        <source>Valid, judged</source>
        <comment>curation.report.valid</comment>
        <translation>유효(심사 대상)</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <comment>curation.report.verdicts</comment>
        <translation>판정 수</translation>
    </message>
    <message>
        <source>Weighted total (1–5)</source>
        <comment>curation.report.weighted_total</comment>
        <translation>가중 합계(1–5)</translation>
    </message>
    <message>
        <source>What</source>
        <comment>curation.report.what</comment>
        <translation>항목</translation>
    </message>
    <message>
        <source>Winners</source>
        <comment>curation.report.winners</comment>
        <translation>수상작</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>curation.report.yes</comment>
        <translation>예</translation>
    </message>
    <message>
        <source>The curation database could not be read</source>
        <comment>curation.store.cannot_read</comment>
        <translation>큐레이션 데이터베이스를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The change could not be saved in the curation database</source>
        <comment>curation.store.cannot_write</comment>
        <translation>변경 내용을 큐레이션 데이터베이스에 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>the curation database</source>
        <comment>curation.store.name</comment>
        <translation>큐레이션 데이터베이스</translation>
    </message>
    <message>
        <source>The curation database server at {server} cannot be reached, or it refused the connection. Check the server address, user name, password and database name in the connection setting, and that the server is running; nothing was changed.</source>
        <comment>curation.store.server_unreachable</comment>
        <translation>{server}의 큐레이션 데이터베이스 서버에 연결할 수 없거나 서버가 연결을 거부했습니다. 연결 설정의 서버 주소, 사용자 이름, 비밀번호, 데이터베이스 이름과 서버가 실행 중인지 확인하세요. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>A stored submission's details</source>
        <comment>curation.store.stored_column</comment>
        <translation>저장된 응모작의 세부 정보</translation>
    </message>
    <message>
        <source>This entry has no picture to compare with.</source>
        <comment>curation.verify.no_picture</comment>
        <translation>이 출품작에는 비교할 그림이 없습니다.</translation>
    </message>
    <message>
        <source>This entry does not say how it was made (no generation settings in its metadata), so it cannot be regenerated to verify it.</source>
        <comment>curation.verify.not_regenerable</comment>
        <translation>이 출품작은 만든 방법을 알려 주지 않으므로(메타데이터에 생성 설정이 없음) 다시 생성해 검증할 수 없습니다.</translation>
    </message>
    <message>
        <source>Each criterion needs an id, a label of 1 to {limit} characters and a weight above 0.</source>
        <comment>judging.bad_criterion</comment>
        <translation>각 기준에는 ID, 1~{limit}자의 이름, 0보다 큰 가중치가 있어야 합니다.</translation>
    </message>
    <message>
        <source>Two criteria of this rubric have the same id; give each its own.</source>
        <comment>judging.criterion_twice</comment>
        <translation>이 평가 기준표의 두 기준이 같은 ID를 쓰고 있습니다. 각각 다른 ID를 지정하세요.</translation>
    </message>
    <message>
        <source>This round's stored rubric is damaged, so it cannot be scored.</source>
        <comment>judging.damaged_rubric</comment>
        <translation>이 라운드에 저장된 평가 기준표가 손상되어 점수를 매길 수 없습니다.</translation>
    </message>
    <message>
        <source>This entry is disqualified, so it cannot be judged. Requalify it first if that was a mistake.</source>
        <comment>judging.disqualified</comment>
        <translation>이 출품작은 실격 처리되어 심사할 수 없습니다. 실수였다면 먼저 실격을 해제하세요.</translation>
    </message>
    <message>
        <source>Some chosen entries ({count}) are disqualified. Requalify them or leave them out; the round was not created.</source>
        <comment>judging.disqualified_entries</comment>
        <translation>선택한 출품작 중 일부({count})가 실격 처리되어 있습니다. 실격을 해제하거나 제외하세요. 라운드는 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>Choose why this entry is disqualified.</source>
        <comment>judging.dq_reason</comment>
        <translation>이 출품작을 실격 처리하는 사유를 선택하세요.</translation>
    </message>
    <message>
        <source>A judge needs a name of 1 to {limit} characters.</source>
        <comment>judging.judge_name</comment>
        <translation>심사위원 이름은 1~{limit}자여야 합니다.</translation>
    </message>
    <message>
        <source>A round needs at least one criterion to score.</source>
        <comment>judging.no_criteria</comment>
        <translation>라운드에는 점수를 매길 기준이 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>A round needs at least one entry.</source>
        <comment>judging.no_entries</comment>
        <translation>라운드에는 출품작이 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Choose at least one winner before locking the result.</source>
        <comment>judging.no_winners</comment>
        <translation>결과를 확정하기 전에 수상작을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>This entry is not part of this round, so it cannot be judged in it.</source>
        <comment>judging.not_in_round</comment>
        <translation>이 출품작은 이 라운드에 속하지 않아 이 라운드에서 심사할 수 없습니다.</translation>
    </message>
    <message>
        <source>This round is closed, so scores can no longer change. Staff can open it again to allow scoring.</source>
        <comment>judging.round_closed</comment>
        <translation>이 라운드는 마감되어 더 이상 점수를 바꿀 수 없습니다. 직원이 라운드를 다시 열면 점수를 매길 수 있습니다.</translation>
    </message>
    <message>
        <source>This round is locked: its result is final, so scores can no longer change.</source>
        <comment>judging.round_locked</comment>
        <translation>이 라운드는 잠겨 있습니다. 결과가 확정되어 더 이상 점수를 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>This round was locked on {moment}: its result is final.</source>
        <comment>judging.round_locked_at</comment>
        <translation>이 라운드는 {moment}에 잠겼습니다. 결과가 확정되었습니다.</translation>
    </message>
    <message>
        <source>This round is already locked: {judge} locked it on {moment}, and its result is final.</source>
        <comment>judging.round_locked_by</comment>
        <translation>이 라운드는 이미 잠겨 있습니다. {judge} 님이 {moment}에 잠갔으며 결과가 확정되었습니다.</translation>
    </message>
    <message>
        <source>A round needs a name of 1 to {limit} characters.</source>
        <comment>judging.round_name</comment>
        <translation>라운드 이름은 1~{limit}자여야 합니다.</translation>
    </message>
    <message>
        <source>A round is open, closed or locked.</source>
        <comment>judging.round_state</comment>
        <translation>라운드 상태는 열림, 마감, 잠김 중 하나입니다.</translation>
    </message>
    <message>
        <source>A score is a whole number from {low} to {high}.</source>
        <comment>judging.score_range</comment>
        <translation>점수는 {low}부터 {high}까지의 정수입니다.</translation>
    </message>
    <message>
        <source>This text is too long: at most {limit} characters, and it has {length}.</source>
        <comment>judging.text_too_long</comment>
        <translation>텍스트가 너무 깁니다. 최대 {limit}자까지 쓸 수 있는데 {length}자입니다.</translation>
    </message>
    <message>
        <source>This round's rubric has no such criterion, so the score was not saved.</source>
        <comment>judging.unknown_criterion</comment>
        <translation>이 라운드의 평가 기준표에 해당 기준이 없어 점수를 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>Some chosen entries ({count}) are not valid submissions in the curation database, so the round was not created.</source>
        <comment>judging.unknown_entries</comment>
        <translation>선택한 출품작 중 일부({count})가 큐레이션 데이터베이스의 유효한 응모작이 아니어서 라운드를 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>This entry is not in the curation database.</source>
        <comment>judging.unknown_entry</comment>
        <translation>이 출품작은 큐레이션 데이터베이스에 없습니다.</translation>
    </message>
    <message>
        <source>This judge is not in the curation database. Add the judge first.</source>
        <comment>judging.unknown_judge</comment>
        <translation>이 심사위원은 큐레이션 데이터베이스에 없습니다. 먼저 심사위원을 추가하세요.</translation>
    </message>
    <message>
        <source>This round is not in the curation database. Reload the rounds.</source>
        <comment>judging.unknown_round</comment>
        <translation>이 라운드는 큐레이션 데이터베이스에 없습니다. 라운드 목록을 다시 불러오세요.</translation>
    </message>
    <message>
        <source>A verdict is scored, abstain or conflict of interest.</source>
        <comment>judging.verdict_kind</comment>
        <translation>심사 의견은 점수 부여, 기권, 이해 상충 중 하나입니다.</translation>
    </message>
    <message>
        <source>An audit log entry's details</source>
        <comment>judging.what.audit_details</comment>
        <translation>감사 로그 항목의 세부 정보</translation>
    </message>
    <message>
        <source>A round's rubric</source>
        <comment>judging.what.round_rubric</comment>
        <translation>라운드의 평가 기준표</translation>
    </message>
    <message>
        <source>A chosen winner is disqualified. Requalify it or choose another entry.</source>
        <comment>judging.winner_disqualified</comment>
        <translation>선택한 수상작이 실격 처리되어 있습니다. 실격을 해제하거나 다른 출품작을 선택하세요.</translation>
    </message>
    <message>
        <source>A chosen winner is not an entry of this round.</source>
        <comment>judging.winner_not_in_round</comment>
        <translation>선택한 수상작이 이 라운드의 출품작이 아닙니다.</translation>
    </message>
    <message>
        <source>Winners' ranks must run 1, 2, 3 and so on, each rank given once.</source>
        <comment>judging.winner_ranks</comment>
        <translation>수상작 순위는 1, 2, 3처럼 이어져야 하며 각 순위는 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>An entry can hold only one rank among the winners.</source>
        <comment>judging.winner_twice</comment>
        <translation>한 출품작은 수상작 중 하나의 순위만 가질 수 있습니다.</translation>
    </message>
    <message>
        <source>This round's payouts were reviewed and confirmed before (on this or another staff machine). The first review stands; nothing was added.</source>
        <comment>payout.already_reviewed</comment>
        <translation>이 라운드의 상금 지급은 이미 (이 컴퓨터나 다른 직원 컴퓨터에서) 검토하고 확인했습니다. 처음 검토한 내용이 유지되며 아무것도 추가하지 않았습니다.</translation>
    </message>
    <message>
        <source>Rank {rank} is being sent from another staff machine ({machine}). Nothing was sent from this one; wait for it to finish there, then refresh.</source>
        <comment>payout.busy_elsewhere</comment>
        <translation>{rank}위 상금을 다른 직원 컴퓨터({machine})에서 보내고 있습니다. 이 컴퓨터에서는 아무것도 보내지 않았습니다. 그곳에서 끝날 때까지 기다린 다음 새로 고치세요.</translation>
    </message>
    <message>
        <source>There is no prize amount for rank {rank}. Set a prize for every winning rank in Settings (Curation, prizes), then make the list again.</source>
        <comment>payout.no_amount</comment>
        <translation>{rank}위의 상금 금액이 없습니다. 설정(큐레이션, 상금)에서 모든 수상 순위의 상금을 정한 다음 목록을 다시 만드세요.</translation>
    </message>
    <message>
        <source>The token's owner could not be read from the chain (it may have been burned).</source>
        <comment>payout.no_owner</comment>
        <translation>체인에서 토큰 소유자를 읽을 수 없습니다(토큰이 소각되었을 수 있습니다).</translation>
    </message>
    <message>
        <source>The prize for this rank is 0 KAIA: nothing to pay.</source>
        <comment>payout.no_prize</comment>
        <translation>이 순위의 상금은 0 KAIA입니다. 지급할 금액이 없습니다.</translation>
    </message>
    <message>
        <source>That round is no longer in the curation database.</source>
        <comment>payout.no_round</comment>
        <translation>그 라운드가 더 이상 큐레이션 데이터베이스에 없습니다.</translation>
    </message>
    <message>
        <source>No token: cannot be paid on chain.</source>
        <comment>payout.no_token</comment>
        <translation>토큰 없음: 체인에서 지급할 수 없습니다.</translation>
    </message>
    <message>
        <source>Unlock the wallet in Wallet first.</source>
        <comment>payout.no_wallet</comment>
        <translation>먼저 지갑에서 지갑 잠금을 해제하세요.</translation>
    </message>
    <message>
        <source>This round has no winners to pay.</source>
        <comment>payout.no_winners</comment>
        <translation>이 라운드에는 상금을 지급할 수상작이 없습니다.</translation>
    </message>
    <message>
        <source>Winners are paid only from a locked result. Lock the round's winners first, then pay them.</source>
        <comment>payout.not_locked</comment>
        <translation>상금은 확정된 결과에서만 지급합니다. 먼저 라운드의 수상작을 확정한 다음 지급하세요.</translation>
    </message>
    <message>
        <source>No winner of this round can be paid on chain, so there is nothing to send.</source>
        <comment>payout.nothing_to_pay</comment>
        <translation>이 라운드의 어떤 수상작도 체인에서 지급할 수 없어 보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>The token is on another chain (chain id {chain_id}): cannot be paid here.</source>
        <comment>payout.other_chain</comment>
        <translation>토큰이 다른 체인(체인 ID {chain_id})에 있어 여기서 지급할 수 없습니다.</translation>
    </message>
    <message>
        <source>Owner changed since import: {before} → {after}</source>
        <comment>payout.owner_changed</comment>
        <translation>가져온 뒤 소유자가 바뀌었습니다: {before} → {after}</translation>
    </message>
    <message>
        <source>Another staff machine took over this payout, so nothing was sent from this one. Refresh the list to see where it is.</source>
        <comment>payout.store.claim_lost</comment>
        <translation>다른 직원 컴퓨터가 이 상금 지급을 넘겨받아 이 컴퓨터에서는 아무것도 보내지 않았습니다. 목록을 새로 고쳐 진행 상황을 확인하세요.</translation>
    </message>
    <message>
        <source>a payout's stored receipt</source>
        <comment>payout.store.receipt</comment>
        <translation>저장된 상금 지급 영수증</translation>
    </message>
    <message>
        <source>The campaign runs on {campaign}, but the wallet uses {wallet}. Switch the wallet to {campaign} in Wallet, then make the list again.</source>
        <comment>payout.wrong_network</comment>
        <translation>캠페인은 {campaign}에서 진행되지만 지갑은 {wallet}을(를) 사용합니다. 지갑에서 {campaign}(으)로 전환한 다음 목록을 다시 만드세요.</translation>
    </message>
</context>
</TS>
