<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.token</name>
    <message>
        <source>The {service} address in Settings cannot be used: it is not a web address starting with http:// or https://. Fix it in Settings.</source>
        <comment>publish.bad_address</comment>
        <translation>설정의 {service} 주소를 사용할 수 없습니다. http:// 또는 https://로 시작하는 웹 주소가 아닙니다. 설정에서 고치세요.</translation>
    </message>
    <message>
        <source>The {env_var} environment variable does not hold a usable token (it has spaces): ignored.</source>
        <comment>publish.bad_env_token</comment>
        <translation>{env_var} 환경 변수의 토큰은 사용할 수 없어(공백이 있음) 무시했습니다.</translation>
    </message>
    <message>
        <source>The pinning service token saved in the system keyring is not usable. Enter it again in Settings.</source>
        <comment>publish.bad_stored_token</comment>
        <translation>시스템 키링에 저장된 고정 서비스 토큰을 사용할 수 없습니다. 설정에서 다시 입력하세요.</translation>
    </message>
    <message>
        <source>The bytes of {name} are missing from the outbox folder {blobs_dir}; queue it again.</source>
        <comment>publish.blob_missing</comment>
        <translation>{name}의 데이터가 게시 대기열 폴더 {blobs_dir}에 없습니다. 다시 대기열에 넣으세요.</translation>
    </message>
    <message>
        <source>The IPFS node stored {name} under CID {returned}, not {cid} as the token says, so it was not published. The node uses other chunker or CID settings: set it to {profile}, or choose the CID profile that matches the node, then retry.</source>
        <comment>publish.cid_mismatch</comment>
        <translation>IPFS 노드가 {name}을(를) 토큰에 적힌 {cid}가 아니라 CID {returned}(으)로 저장해 게시하지 않았습니다. 노드가 다른 청커나 CID 설정을 사용합니다. 노드를 {profile}(으)로 설정하거나 노드에 맞는 CID 프로필을 고른 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The file {name} could not be saved for publishing</source>
        <comment>publish.file_not_saved</comment>
        <translation>게시할 파일 {name}을(를) 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{problem} Fix it in Settings.</source>
        <comment>publish.fix_in_settings</comment>
        <translation>{problem} 설정에서 고치세요.</translation>
    </message>
    <message>
        <source>The system keyring could not be read (it may be locked), so the pinning service token can only come from the {env_var} environment variable. Unlock the keyring and try again.</source>
        <comment>publish.keyring_unreadable</comment>
        <translation>시스템 키링을 읽을 수 없어(잠겨 있을 수 있습니다) 고정 서비스 토큰은 {env_var} 환경 변수에서만 가져올 수 있습니다. 키링의 잠금을 풀고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The token could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} environment variable.</source>
        <comment>publish.keyring_unwritable</comment>
        <translation>시스템 키링에 토큰을 저장하지 못했습니다. 키링의 잠금을 풀고 다시 시도하거나 {env_var} 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>No {service} address is set. Add it in Settings.</source>
        <comment>publish.no_address</comment>
        <translation>{service} 주소가 설정되어 있지 않습니다. 설정에서 추가하세요.</translation>
    </message>
    <message>
        <source>The IPFS node accepted the file but did not say which CID it stored it under.</source>
        <comment>publish.no_cid_in_reply</comment>
        <translation>IPFS 노드가 파일을 받았지만 어떤 CID로 저장했는지 알려 주지 않았습니다.</translation>
    </message>
    <message>
        <source>This system has no keyring to keep the pinning service token safe, so it can only come from the {env_var} environment variable. Set it before starting SM6 Design Studio.</source>
        <comment>publish.no_keyring</comment>
        <translation>이 시스템에는 고정 서비스 토큰을 안전하게 보관할 키링이 없어 토큰은 {env_var} 환경 변수에서만 가져올 수 있습니다. SM6 Design Studio를 시작하기 전에 설정하세요.</translation>
    </message>
    <message>
        <source>The pinning service needs its access token: add it in Settings.</source>
        <comment>publish.no_pinning_token</comment>
        <translation>고정 서비스에는 액세스 토큰이 필요합니다. 설정에서 추가하세요.</translation>
    </message>
    <message>
        <source>The IPFS node's version reply has no version in it.</source>
        <comment>publish.no_version_in_reply</comment>
        <translation>IPFS 노드의 버전 응답에 버전이 없습니다.</translation>
    </message>
    <message>
        <source>The IPFS node refused the request (HTTP {status}).</source>
        <comment>publish.node_refused</comment>
        <translation>IPFS 노드가 요청을 거부했습니다(HTTP {status}).</translation>
    </message>
    <message>
        <source>The IPFS node refused the request (HTTP {status}). It said: {said}</source>
        <comment>publish.node_refused_said</comment>
        <translation>IPFS 노드가 요청을 거부했습니다(HTTP {status}). 노드의 응답: {said}</translation>
    </message>
    <message>
        <source>The pinning service's reply is not a pin status.</source>
        <comment>publish.not_a_pin_status</comment>
        <translation>고정 서비스의 응답이 고정 상태 정보가 아닙니다.</translation>
    </message>
    <message>
        <source>Set up an IPFS node or a pinning service in Settings to publish.</source>
        <comment>publish.not_set_up</comment>
        <translation>게시하려면 설정에서 IPFS 노드나 고정 서비스를 설정하세요.</translation>
    </message>
    <message>
        <source>The publishing outbox cannot be opened</source>
        <comment>publish.outbox_cannot_be_opened</comment>
        <translation>게시 대기열을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The publishing outbox cannot be read</source>
        <comment>publish.outbox_cannot_be_read</comment>
        <translation>게시 대기열을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Restore it from a backup, or move it out of {parent} to start an empty outbox; tokens that were waiting must then be published again from the Token workspace.</source>
        <comment>publish.outbox_damaged_hint</comment>
        <translation>백업에서 복원하거나, {parent} 밖으로 옮겨 빈 대기열로 시작하세요. 그러면 기다리던 토큰은 토큰 작업 공간에서 다시 게시해야 합니다.</translation>
    </message>
    <message>
        <source>The outbox file {db_path} is read-only.</source>
        <comment>publish.outbox_file_read_only</comment>
        <translation>대기열 파일 {db_path}이(가) 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The rest of the data folder is read-only, so the outbox is too.</source>
        <comment>publish.outbox_folder_read_only</comment>
        <translation>데이터 폴더의 나머지 부분이 읽기 전용이라 대기열도 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The publishing outbox could not be updated</source>
        <comment>publish.outbox_not_updated</comment>
        <translation>게시 대기열을 업데이트할 수 없습니다</translation>
    </message>
    <message>
        <source>The publishing outbox in {parent} is open read-only because that folder cannot be written to: tokens already waiting are shown, but nothing new can be queued for publishing. To publish, make the folder writable (check its permissions, and that its disk is not read-only) and restart the app, or choose another data folder.</source>
        <comment>publish.outbox_read_only</comment>
        <translation>{parent}의 게시 대기열은 그 폴더에 쓸 수 없어 읽기 전용으로 열렸습니다. 이미 기다리는 토큰은 표시되지만 새로 게시 대기열에 넣을 수는 없습니다. 게시하려면 폴더에 쓸 수 있게 하고(권한과 디스크가 읽기 전용이 아닌지 확인) 앱을 다시 시작하거나, 다른 데이터 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The pinning service could not pin {name} ({cid}). It may not have found the file on the IPFS network: publish through an IPFS node as well, or upload the CAR file to the service.</source>
        <comment>publish.pin_failed</comment>
        <translation>고정 서비스가 {name}({cid})을(를) 고정하지 못했습니다. IPFS 네트워크에서 파일을 찾지 못했을 수 있습니다. IPFS 노드로도 게시하거나 CAR 파일을 서비스에 올리세요.</translation>
    </message>
    <message>
        <source>The pinning service refused the request (HTTP {status}).</source>
        <comment>publish.pinning_refused</comment>
        <translation>고정 서비스가 요청을 거부했습니다(HTTP {status}).</translation>
    </message>
    <message>
        <source>The pinning service refused the request (HTTP {status}). It said: {said}</source>
        <comment>publish.pinning_refused_said</comment>
        <translation>고정 서비스가 요청을 거부했습니다(HTTP {status}). 서비스의 응답: {said}</translation>
    </message>
    <message>
        <source>The pinning service's access token contains a space, a line break or a character that no token has. Copy it again from the pinning service and paste it in Settings.</source>
        <comment>publish.pinning_token_characters</comment>
        <translation>고정 서비스의 액세스 토큰에 공백, 줄 바꿈 또는 토큰에 쓰이지 않는 문자가 있습니다. 고정 서비스에서 다시 복사해 설정에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The token is empty. Paste the access token from your pinning service's account page.</source>
        <comment>publish.pinning_token_empty</comment>
        <translation>토큰이 비어 있습니다. 고정 서비스 계정 페이지의 액세스 토큰을 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>A token has no spaces or line breaks inside. Copy it again, in one piece.</source>
        <comment>publish.pinning_token_spaces</comment>
        <translation>토큰에는 공백이나 줄 바꿈이 없습니다. 토큰 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The {service} sent a reply larger than {max_mb} MB, which no request of this app needs. Check the address in Settings.</source>
        <comment>publish.reply_too_large</comment>
        <translation>{service}이(가) {max_mb} MB보다 큰 응답을 보냈습니다. 이 앱의 요청에는 그렇게 큰 응답이 필요 없습니다. 설정의 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The pinning service did not accept the access token. Check the token in Settings.</source>
        <comment>publish.token_not_accepted</comment>
        <translation>고정 서비스가 액세스 토큰을 받아들이지 않았습니다. 설정에서 토큰을 확인하세요.</translation>
    </message>
    <message>
        <source>The {service} at {url} cannot be reached. Check that it is running and that this computer is online; publishing will continue when it can be reached.</source>
        <comment>publish.unreachable</comment>
        <translation>{url}의 {service}에 연결할 수 없습니다. 실행 중인지, 이 컴퓨터가 온라인인지 확인하세요. 연결되면 게시를 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>The {service} sent a reply this app cannot read.</source>
        <comment>publish.unreadable_reply</comment>
        <translation>{service}이(가) 이 앱이 읽을 수 없는 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>The background colour must be six hex digits without “#”, like 121417.</source>
        <comment>token.background_color_pattern</comment>
        <translation>배경색은 “#” 없이 16진수 여섯 자리여야 합니다. 예: 121417</translation>
    </message>
    <message>
        <source>This token's generation settings cannot be used to regenerate it: {reason}</source>
        <comment>token.bad_generation_settings</comment>
        <translation>이 토큰의 생성 설정으로는 다시 생성할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>This token's generation settings are damaged or incomplete, so it cannot be regenerated.</source>
        <comment>token.bad_generation_settings_plain</comment>
        <translation>이 토큰의 생성 설정이 손상되었거나 불완전하여 다시 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>Black</source>
        <comment>token.colour.black</comment>
        <translation>검은색</translation>
    </message>
    <message>
        <source>Blue</source>
        <comment>token.colour.blue</comment>
        <translation>파란색</translation>
    </message>
    <message>
        <source>Bronze</source>
        <comment>token.colour.bronze</comment>
        <translation>브론즈</translation>
    </message>
    <message>
        <source>Burgundy</source>
        <comment>token.colour.burgundy</comment>
        <translation>버건디</translation>
    </message>
    <message>
        <source>Copper</source>
        <comment>token.colour.copper</comment>
        <translation>구리색</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>token.colour.gold</comment>
        <translation>금색</translation>
    </message>
    <message>
        <source>Green</source>
        <comment>token.colour.green</comment>
        <translation>초록색</translation>
    </message>
    <message>
        <source>Grey</source>
        <comment>token.colour.grey</comment>
        <translation>회색</translation>
    </message>
    <message>
        <source>Navy</source>
        <comment>token.colour.navy</comment>
        <translation>네이비</translation>
    </message>
    <message>
        <source>Orange</source>
        <comment>token.colour.orange</comment>
        <translation>주황색</translation>
    </message>
    <message>
        <source>Pearl white</source>
        <comment>token.colour.pearl_white</comment>
        <translation>펄 화이트</translation>
    </message>
    <message>
        <source>Pink</source>
        <comment>token.colour.pink</comment>
        <translation>분홍색</translation>
    </message>
    <message>
        <source>Purple</source>
        <comment>token.colour.purple</comment>
        <translation>보라색</translation>
    </message>
    <message>
        <source>Red</source>
        <comment>token.colour.red</comment>
        <translation>빨간색</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>token.colour.silver</comment>
        <translation>은색</translation>
    </message>
    <message>
        <source>Teal</source>
        <comment>token.colour.teal</comment>
        <translation>청록색</translation>
    </message>
    <message>
        <source>White</source>
        <comment>token.colour.white</comment>
        <translation>흰색</translation>
    </message>
    <message>
        <source>Yellow</source>
        <comment>token.colour.yellow</comment>
        <translation>노란색</translation>
    </message>
    <message>
        <source>The ControlNet “{name}” used for this design is not installed. Install it, then verify again.</source>
        <comment>token.controlnet_missing</comment>
        <translation>이 디자인에 쓰인 ControlNet “{name}”이(가) 설치되어 있지 않습니다. 설치한 뒤 다시 검증하세요.</translation>
    </message>
    <message>
        <source>The external link must be a web address starting with https:// or http://.</source>
        <comment>token.external_url_pattern</comment>
        <translation>외부 링크는 https:// 또는 http://로 시작하는 웹 주소여야 합니다.</translation>
    </message>
    <message>
        <source>The app version</source>
        <comment>token.field.app_version</comment>
        <translation>앱 버전</translation>
    </message>
    <message>
        <source>The traits</source>
        <comment>token.field.attributes</comment>
        <translation>특성</translation>
    </message>
    <message>
        <source>The background colour</source>
        <comment>token.field.background_color</comment>
        <translation>배경색</translation>
    </message>
    <message>
        <source>The ControlNet</source>
        <comment>token.field.control</comment>
        <translation>ControlNet</translation>
    </message>
    <message>
        <source>The ControlNet's input</source>
        <comment>token.field.control_hint</comment>
        <translation>ControlNet 입력</translation>
    </message>
    <message>
        <source>The ControlNet's id</source>
        <comment>token.field.control_id</comment>
        <translation>ControlNet ID</translation>
    </message>
    <message>
        <source>The ControlNet's name</source>
        <comment>token.field.control_name</comment>
        <translation>ControlNet 이름</translation>
    </message>
    <message>
        <source>The ControlNet's hash</source>
        <comment>token.field.control_sha256</comment>
        <translation>ControlNet 해시</translation>
    </message>
    <message>
        <source>The ControlNet's strength</source>
        <comment>token.field.control_strength</comment>
        <translation>ControlNet 강도</translation>
    </message>
    <message>
        <source>The decoder</source>
        <comment>token.field.decoder</comment>
        <translation>디코더</translation>
    </message>
    <message>
        <source>The description</source>
        <comment>token.field.description</comment>
        <translation>설명</translation>
    </message>
    <message>
        <source>The device</source>
        <comment>token.field.device</comment>
        <translation>장치</translation>
    </message>
    <message>
        <source>The external link</source>
        <comment>token.field.external_url</comment>
        <translation>외부 링크</translation>
    </message>
    <message>
        <source>The generation settings</source>
        <comment>token.field.generation</comment>
        <translation>생성 설정</translation>
    </message>
    <message>
        <source>Guidance</source>
        <comment>token.field.guidance</comment>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>Height</source>
        <comment>token.field.height</comment>
        <translation>높이</translation>
    </message>
    <message>
        <source>The image</source>
        <comment>token.field.image</comment>
        <translation>이미지</translation>
    </message>
    <message>
        <source>A LoRA's id</source>
        <comment>token.field.lora_id</comment>
        <translation>LoRA ID</translation>
    </message>
    <message>
        <source>A LoRA's name</source>
        <comment>token.field.lora_name</comment>
        <translation>LoRA 이름</translation>
    </message>
    <message>
        <source>A LoRA's hash</source>
        <comment>token.field.lora_sha256</comment>
        <translation>LoRA 해시</translation>
    </message>
    <message>
        <source>A LoRA's weight</source>
        <comment>token.field.lora_weight</comment>
        <translation>LoRA 가중치</translation>
    </message>
    <message>
        <source>The LoRAs</source>
        <comment>token.field.loras</comment>
        <translation>LoRA 목록</translation>
    </message>
    <message>
        <source>The mask</source>
        <comment>token.field.mask</comment>
        <translation>마스크</translation>
    </message>
    <message>
        <source>The metadata</source>
        <comment>token.field.metadata</comment>
        <translation>메타데이터</translation>
    </message>
    <message>
        <source>The model id</source>
        <comment>token.field.model_id</comment>
        <translation>모델 ID</translation>
    </message>
    <message>
        <source>The model name</source>
        <comment>token.field.model_name</comment>
        <translation>모델 이름</translation>
    </message>
    <message>
        <source>The model hash</source>
        <comment>token.field.model_sha256</comment>
        <translation>모델 해시</translation>
    </message>
    <message>
        <source>The name</source>
        <comment>token.field.name</comment>
        <translation>이름</translation>
    </message>
    <message>
        <source>The final negative prompt</source>
        <comment>token.field.negative_final</comment>
        <translation>최종 네거티브 프롬프트</translation>
    </message>
    <message>
        <source>The negative prompt</source>
        <comment>token.field.negative_prompt</comment>
        <translation>네거티브 프롬프트</translation>
    </message>
    <message>
        <source>The shared pass</source>
        <comment>token.field.pass</comment>
        <translation>공동 생성 묶음</translation>
    </message>
    <message>
        <source>The image's row in the shared pass</source>
        <comment>token.field.pass_row</comment>
        <translation>공동 생성 묶음 안에서 이미지의 순서</translation>
    </message>
    <message>
        <source>The shared pass's size</source>
        <comment>token.field.pass_size</comment>
        <translation>공동 생성 묶음의 크기</translation>
    </message>
    <message>
        <source>The style preset</source>
        <comment>token.field.preset</comment>
        <translation>스타일 프리셋</translation>
    </message>
    <message>
        <source>The prompt</source>
        <comment>token.field.prompt</comment>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>The final prompt</source>
        <comment>token.field.prompt_final</comment>
        <translation>최종 프롬프트</translation>
    </message>
    <message>
        <source>The properties</source>
        <comment>token.field.properties</comment>
        <translation>속성</translation>
    </message>
    <message>
        <source>The sampler</source>
        <comment>token.field.sampler</comment>
        <translation>샘플러</translation>
    </message>
    <message>
        <source>Seed</source>
        <comment>token.field.seed</comment>
        <translation>시드</translation>
    </message>
    <message>
        <source>The starting image</source>
        <comment>token.field.source</comment>
        <translation>시작 이미지</translation>
    </message>
    <message>
        <source>The starting design</source>
        <comment>token.field.source_design_id</comment>
        <translation>시작 디자인</translation>
    </message>
    <message>
        <source>The starting picture</source>
        <comment>token.field.source_picture</comment>
        <translation>시작 사진</translation>
    </message>
    <message>
        <source>Steps</source>
        <comment>token.field.steps</comment>
        <translation>단계</translation>
    </message>
    <message>
        <source>Keep-shape strength</source>
        <comment>token.field.strength</comment>
        <translation>형태 유지 강도</translation>
    </message>
    <message>
        <source>The display type of trait “{trait}”</source>
        <comment>token.field.trait_display_named</comment>
        <translation>특성 “{trait}”의 표시 형식</translation>
    </message>
    <message>
        <source>The display type of trait {number}</source>
        <comment>token.field.trait_display_number</comment>
        <translation>{number}번째 특성의 표시 형식</translation>
    </message>
    <message>
        <source>Trait “{trait}”</source>
        <comment>token.field.trait_named</comment>
        <translation>특성 “{trait}”</translation>
    </message>
    <message>
        <source>Trait {number}</source>
        <comment>token.field.trait_number</comment>
        <translation>{number}번째 특성</translation>
    </message>
    <message>
        <source>The name of trait “{trait}”</source>
        <comment>token.field.trait_type_named</comment>
        <translation>특성 “{trait}”의 이름</translation>
    </message>
    <message>
        <source>The name of trait {number}</source>
        <comment>token.field.trait_type_number</comment>
        <translation>{number}번째 특성의 이름</translation>
    </message>
    <message>
        <source>The value of trait “{trait}”</source>
        <comment>token.field.trait_value_named</comment>
        <translation>특성 “{trait}”의 값</translation>
    </message>
    <message>
        <source>The value of trait {number}</source>
        <comment>token.field.trait_value_number</comment>
        <translation>{number}번째 특성의 값</translation>
    </message>
    <message>
        <source>“{key}”</source>
        <comment>token.field.unknown</comment>
        <translation>“{key}”</translation>
    </message>
    <message>
        <source>The view</source>
        <comment>token.field.view</comment>
        <translation>시점</translation>
    </message>
    <message>
        <source>Width</source>
        <comment>token.field.width</comment>
        <translation>너비</translation>
    </message>
    <message>
        <source>{name} is not in the expected form.</source>
        <comment>token.field_bad_form</comment>
        <translation>{name} 항목의 형식이 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <comment>token.field_empty</comment>
        <translation>{name} 항목이 비어 있습니다.</translation>
    </message>
    <message>
        <source>{name} is not valid.</source>
        <comment>token.field_invalid</comment>
        <translation>{name} 항목이 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>{value} is missing.</source>
        <comment>token.field_missing</comment>
        <translation>{value} 항목이 없습니다.</translation>
    </message>
    <message>
        <source>{name} must be a multiple of {want}.</source>
        <comment>token.field_not_multiple</comment>
        <translation>{name} 값은 {want}의 배수여야 합니다.</translation>
    </message>
    <message>
        <source>{name} must be one of: {value}.</source>
        <comment>token.field_not_one_of</comment>
        <translation>{name} 값은 다음 중 하나여야 합니다: {value}.</translation>
    </message>
    <message>
        <source>{name} must be at most {want:,}.</source>
        <comment>token.field_too_large</comment>
        <translation>{name} 값은 {want:,} 이하여야 합니다.</translation>
    </message>
    <message>
        <source>{name} is {count:,} characters; the limit is {want:,}.</source>
        <comment>token.field_too_long</comment>
        <translation>{name} 항목은 {count:,}자입니다. 최대 {want:,}자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>{name} is too short; it needs at least {want:,} characters.</source>
        <comment>token.field_too_short</comment>
        <translation>{name} 항목이 너무 짧습니다. {want:,}자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{name} must be at least {want:,}.</source>
        <comment>token.field_too_small</comment>
        <translation>{name} 값은 {want:,} 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{name} must be {value}.</source>
        <comment>token.field_wrong_type</comment>
        <translation>{name}: {value} 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>The image must be an ipfs:// or https:// address.</source>
        <comment>token.image_pattern</comment>
        <translation>이미지는 ipfs:// 또는 https:// 주소여야 합니다.</translation>
    </message>
    <message>
        <source>The LoRA “{name}” used for this design is not installed. Install it, then verify again.</source>
        <comment>token.lora_missing</comment>
        <translation>이 디자인에 쓰인 LoRA “{name}”이(가) 설치되어 있지 않습니다. 설치한 뒤 다시 검증하세요.</translation>
    </message>
    <message>
        <source>The model hash must be hexadecimal digits (its sha256).</source>
        <comment>token.model_hash_pattern</comment>
        <translation>모델 해시는 16진수(sha256)여야 합니다.</translation>
    </message>
    <message>
        <source>The model that made this image ({model}) is not installed here, so it cannot be regenerated. Import that model, then verify again.</source>
        <comment>token.model_missing</comment>
        <translation>이 이미지를 만든 모델({model})이 여기에 설치되어 있지 않아 다시 생성할 수 없습니다. 그 모델을 가져온 뒤 다시 검증하세요.</translation>
    </message>
    <message>
        <source>This token's metadata has no generation settings, so it cannot be regenerated.</source>
        <comment>token.no_generation_settings</comment>
        <translation>이 토큰의 메타데이터에는 생성 설정이 없어 다시 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>“{key}” is not a field of {where}; check its spelling.</source>
        <comment>token.not_a_field</comment>
        <translation>{where}에 “{key}” 항목은 없습니다. 철자를 확인하세요.</translation>
    </message>
    <message>
        <source>The sketch or photo this design started from is not in this computer's picture folder, so the design cannot be regenerated here.</source>
        <comment>token.picture_missing</comment>
        <translation>이 디자인의 시작점인 스케치나 사진이 이 컴퓨터의 사진 폴더에 없어 여기서 다시 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <comment>token.publish_item_failed</comment>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>the pinning service is fetching the files</source>
        <comment>token.publish_pinning_fetching</comment>
        <translation>고정 서비스가 파일을 가져오는 중</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <comment>token.publish_waiting_for_network</comment>
        <translation>네트워크를 기다리는 중</translation>
    </message>
    <message>
        <source>Verifying took too long and was stopped.</source>
        <comment>token.timed_out</comment>
        <translation>검증이 너무 오래 걸려 중단했습니다.</translation>
    </message>
    <message>
        <source>a list</source>
        <comment>token.type.array</comment>
        <translation>목록</translation>
    </message>
    <message>
        <source>true or false</source>
        <comment>token.type.boolean</comment>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <comment>token.type.either</comment>
        <translation>{first} 또는 {second}</translation>
    </message>
    <message>
        <source>a whole number</source>
        <comment>token.type.integer</comment>
        <translation>정수</translation>
    </message>
    <message>
        <source>empty</source>
        <comment>token.type.null</comment>
        <translation>빈 값</translation>
    </message>
    <message>
        <source>a number</source>
        <comment>token.type.number</comment>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a group of fields</source>
        <comment>token.type.object</comment>
        <translation>필드 묶음</translation>
    </message>
    <message>
        <source>text</source>
        <comment>token.type.string</comment>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Verifying was cancelled.</source>
        <comment>token.verify_cancelled</comment>
        <translation>검증을 취소했습니다.</translation>
    </message>
    <message>
        <source>Not verified: the regenerated image differs ({distance} of 64 bits). The model or settings are not the same.</source>
        <comment>token.verify_different</comment>
        <translation>검증 실패: 다시 생성한 이미지가 다릅니다(64비트 중 {distance}비트 차이). 모델이나 설정이 같지 않습니다.</translation>
    </message>
    <message>
        <source>Verified: regenerating from the metadata gives the same pixels.</source>
        <comment>token.verify_exact</comment>
        <translation>검증 완료: 메타데이터로 다시 생성하면 픽셀까지 같은 이미지가 나옵니다.</translation>
    </message>
    <message>
        <source>Verified by perceptual hash ({distance} of 64 bits differ): the same picture, not pixel-identical.</source>
        <comment>token.verify_similar</comment>
        <translation>지각 해시로 검증 완료(64비트 중 {distance}비트 차이): 픽셀까지 같지는 않지만 같은 그림입니다.</translation>
    </message>
    <message>
        <source>Verified on another device, by perceptual hash ({distance} of 64 bits differ): the same picture, not pixel-identical.</source>
        <comment>token.verify_similar_other_device</comment>
        <translation>다른 장치에서 지각 해시로 검증 완료(64비트 중 {distance}비트 차이): 픽셀까지 같지는 않지만 같은 그림입니다.</translation>
    </message>
    <message>
        <source>the ControlNet settings</source>
        <comment>token.where.control</comment>
        <translation>ControlNet 설정</translation>
    </message>
    <message>
        <source>the generation settings</source>
        <comment>token.where.generation</comment>
        <translation>생성 설정</translation>
    </message>
    <message>
        <source>a LoRA's settings</source>
        <comment>token.where.lora</comment>
        <translation>LoRA 설정</translation>
    </message>
    <message>
        <source>the metadata</source>
        <comment>token.where.metadata</comment>
        <translation>메타데이터</translation>
    </message>
    <message>
        <source>the properties</source>
        <comment>token.where.properties</comment>
        <translation>속성</translation>
    </message>
    <message>
        <source>trait “{trait}”</source>
        <comment>token.where.trait_named</comment>
        <translation>특성 “{trait}”</translation>
    </message>
    <message>
        <source>trait {number}</source>
        <comment>token.where.trait_number</comment>
        <translation>{number}번째 특성</translation>
    </message>
</context>
</TS>
