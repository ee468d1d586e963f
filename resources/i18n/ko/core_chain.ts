<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.chain</name>
    <message>
        <source>{problem} Nothing was sent. Fix it in the wallet's network settings.</source>
        <comment>chain.bad_node_address</comment>
        <translation>{problem} 아무것도 보내지 않았습니다. 지갑의 네트워크 설정에서 고치세요.</translation>
    </message>
    <message>
        <source>This design has already been minted as token #{token}. Each image can be minted only once: look up token #{token} to see it, or create a new design to mint.</source>
        <comment>chain.contract.content_already_minted</comment>
        <translation>이 디자인은 이미 토큰 #{token}(으)로 민팅되었습니다. 이미지 하나는 한 번만 민팅할 수 있습니다. 토큰 #{token}을(를) 찾아보거나 새 디자인을 만들어 민팅하세요.</translation>
    </message>
    <message>
        <source>The design's image fingerprint (content hash) was empty, so nothing was minted. Export the design again and retry; if it happens again, report it as a bug.</source>
        <comment>chain.contract.empty_content_hash</comment>
        <translation>디자인 이미지의 지문(콘텐츠 해시)이 비어 있어 아무것도 민팅하지 않았습니다. 디자인을 다시 내보낸 뒤 다시 시도하세요. 또 그러면 버그로 신고해 주세요.</translation>
    </message>
    <message>
        <source>The contract refused this with the message: "{message}". Nothing was changed; check the details and try again, or ask the campaign staff.</source>
        <comment>chain.contract.error_with_reason</comment>
        <translation>컨트랙트가 다음 메시지와 함께 거부했습니다: "{message}". 아무것도 바뀌지 않았습니다. 자세한 내용을 확인하고 다시 시도하거나 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>The contract refused this without saying why. Nothing was changed; check the details and try again, or ask the campaign staff.</source>
        <comment>chain.contract.error_without_reason</comment>
        <translation>컨트랙트가 이유를 밝히지 않고 거부했습니다. 아무것도 바뀌지 않았습니다. 자세한 내용을 확인하고 다시 시도하거나 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>Token #{token_id} belongs to {owner}, not to {sender}. Use the wallet that holds the token.</source>
        <comment>chain.contract.incorrect_owner</comment>
        <translation>토큰 #{token_id}은(는) {sender}이(가) 아니라 {owner}의 것입니다. 토큰을 가진 지갑을 사용하세요.</translation>
    </message>
    <message>
        <source>{operator} is not allowed to move token #{token_id}. Use the wallet that holds the token, or have its holder approve this one first.</source>
        <comment>chain.contract.insufficient_approval</comment>
        <translation>{operator}은(는) 토큰 #{token_id}을(를) 옮길 권한이 없습니다. 토큰을 가진 지갑을 사용하거나, 먼저 토큰 보유자에게 이 지갑을 승인받으세요.</translation>
    </message>
    <message>
        <source>{approver} cannot approve anyone for this token. Use the wallet that holds the token.</source>
        <comment>chain.contract.invalid_approver</comment>
        <translation>{approver}은(는) 이 토큰에 대해 아무도 승인할 수 없습니다. 토큰을 가진 지갑을 사용하세요.</translation>
    </message>
    <message>
        <source>{owner} is not a valid token holder address. Check the address and try again.</source>
        <comment>chain.contract.invalid_holder</comment>
        <translation>{owner}은(는) 올바른 토큰 보유자 주소가 아닙니다. 주소를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{operator} cannot be approved to manage tokens. Check the address and try again.</source>
        <comment>chain.contract.invalid_operator</comment>
        <translation>{operator}은(는) 토큰 관리자로 승인할 수 없습니다. 주소를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{owner} cannot become the contract's owner. Check the new owner's address and try again.</source>
        <comment>chain.contract.invalid_owner</comment>
        <translation>{owner}은(는) 컨트랙트 소유자가 될 수 없습니다. 새 소유자의 주소를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The token cannot be sent to {receiver}: that address cannot hold tokens. Check the recipient's wallet address and try again.</source>
        <comment>chain.contract.invalid_receiver</comment>
        <translation>토큰을 {receiver}(으)로 보낼 수 없습니다. 이 주소는 토큰을 보유할 수 없습니다. 받는 사람의 지갑 주소를 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{sender} cannot send this token. Check the sending wallet and try again.</source>
        <comment>chain.contract.invalid_sender</comment>
        <translation>{sender}은(는) 이 토큰을 보낼 수 없습니다. 보내는 지갑을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Token #{token_id} does not exist on this contract. Check the token number, or wait until its mint has been confirmed.</source>
        <comment>chain.contract.nonexistent_token</comment>
        <translation>이 컨트랙트에는 토큰 #{token_id}이(가) 없습니다. 토큰 번호를 확인하거나 민팅이 확정될 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>This wallet ({account}) is not allowed to mint on this contract. Ask the campaign staff to add it as a minter, or switch to a wallet they have approved.</source>
        <comment>chain.contract.not_minter</comment>
        <translation>이 지갑({account})은 이 컨트랙트에서 민팅할 권한이 없습니다. 캠페인 직원에게 민팅 권한 추가를 요청하거나, 승인된 지갑으로 바꾸세요.</translation>
    </message>
    <message>
        <source>Only the contract's owner can do this, and this wallet ({account}) is not the owner. Use the owner's wallet, or ask the campaign staff to make the change.</source>
        <comment>chain.contract.not_owner</comment>
        <translation>컨트랙트 소유자만 할 수 있는 작업인데, 이 지갑({account})은 소유자가 아닙니다. 소유자의 지갑을 사용하거나 캠페인 직원에게 변경을 요청하세요.</translation>
    </message>
    <message>
        <source>The contract stopped because {what} (panic code {code:#04x}). Nothing was changed. This is a fault in the contract, not in your design: report it to the campaign staff.</source>
        <comment>chain.contract.panic</comment>
        <translation>컨트랙트가 중단되었습니다. 원인: {what} (패닉 코드 {code:#04x}). 아무것도 바뀌지 않았습니다. 디자인이 아니라 컨트랙트의 결함이니 캠페인 직원에게 알려 주세요.</translation>
    </message>
    <message>
        <source>an internal consistency check (assert) failed</source>
        <comment>chain.contract.panic.assert</comment>
        <translation>내부 일관성 검사(assert)가 실패했습니다</translation>
    </message>
    <message>
        <source>a check the compiler added failed</source>
        <comment>chain.contract.panic.compiler_check</comment>
        <translation>컴파일러가 넣은 검사가 실패했습니다</translation>
    </message>
    <message>
        <source>it divided by zero</source>
        <comment>chain.contract.panic.division_by_zero</comment>
        <translation>0으로 나누었습니다</translation>
    </message>
    <message>
        <source>it removed an item from an empty list</source>
        <comment>chain.contract.panic.empty_pop</comment>
        <translation>빈 목록에서 항목을 꺼내려 했습니다</translation>
    </message>
    <message>
        <source>it hit an internal error</source>
        <comment>chain.contract.panic.other</comment>
        <translation>내부 오류가 발생했습니다</translation>
    </message>
    <message>
        <source>it ran out of memory</source>
        <comment>chain.contract.panic.out_of_memory</comment>
        <translation>메모리가 부족했습니다</translation>
    </message>
    <message>
        <source>a value was out of range for its type</source>
        <comment>chain.contract.panic.out_of_range</comment>
        <translation>값이 해당 형식의 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>a calculation overflowed</source>
        <comment>chain.contract.panic.overflow</comment>
        <translation>계산이 넘쳤습니다(오버플로)</translation>
    </message>
    <message>
        <source>it read past the end of a list</source>
        <comment>chain.contract.panic.past_end</comment>
        <translation>목록의 끝을 넘어 읽었습니다</translation>
    </message>
    <message>
        <source>its storage is corrupted</source>
        <comment>chain.contract.panic.storage_corrupted</comment>
        <translation>컨트랙트 저장소가 손상되었습니다</translation>
    </message>
    <message>
        <source>it called an uninitialised function</source>
        <comment>chain.contract.panic.uninitialised_function</comment>
        <translation>초기화되지 않은 함수를 호출했습니다</translation>
    </message>
    <message>
        <source>The contract refused this ({name}). Nothing was changed; check the details and try again, or ask the campaign staff.</source>
        <comment>chain.contract.reverted_other</comment>
        <translation>컨트랙트가 거부했습니다({name}). 아무것도 바뀌지 않았습니다. 자세한 내용을 확인하고 다시 시도하거나 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>The contract refused this for a reason this app does not recognise (code {selector}). Nothing was changed. Check that the contract address in the network settings is the campaign's SM6 contract, or ask the campaign staff.</source>
        <comment>chain.contract.reverted_unknown</comment>
        <translation>컨트랙트가 이 앱이 알 수 없는 이유로 거부했습니다(코드 {selector}). 아무것도 바뀌지 않았습니다. 네트워크 설정의 컨트랙트 주소가 캠페인의 SM6 컨트랙트인지 확인하거나 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>Submissions closed on {deadline}, so this contract no longer mints new designs. Keep your design in the library, and ask the campaign staff whether another round is planned.</source>
        <comment>chain.contract.submissions_closed</comment>
        <translation>제출이 {deadline}에 마감되어 이 컨트랙트는 더 이상 새 디자인을 민팅하지 않습니다. 디자인은 라이브러리에 보관하고, 다음 회차가 있는지 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>Submissions closed at Unix time {deadline}, so this contract no longer mints new designs. Keep your design in the library, and ask the campaign staff whether another round is planned.</source>
        <comment>chain.contract.submissions_closed_unix_time</comment>
        <translation>제출이 Unix 시간 {deadline}에 마감되어 이 컨트랙트는 더 이상 새 디자인을 민팅하지 않습니다. 디자인은 라이브러리에 보관하고, 다음 회차가 있는지 캠페인 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>The contract refused this transaction.</source>
        <comment>chain.contract_refused</comment>
        <translation>컨트랙트가 이 트랜잭션을 거부했습니다.</translation>
    </message>
    <message>
        <source>Test KAIA is only available on the sandbox network.</source>
        <comment>chain.faucet_sandbox_only</comment>
        <translation>테스트 KAIA는 샌드박스 네트워크에서만 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>The network's fee rose above what this transaction offers. Try again: the fee is worked out afresh.</source>
        <comment>chain.fee_too_low</comment>
        <translation>네트워크 수수료가 이 트랜잭션이 제시한 금액보다 올랐습니다. 다시 시도하세요. 수수료를 새로 계산합니다.</translation>
    </message>
    <message>
        <source>This wallet does not have enough KAIA to pay for this transaction and its fee. Add KAIA to the wallet, then try again.</source>
        <comment>chain.insufficient_funds</comment>
        <translation>이 지갑에는 이 트랜잭션과 수수료를 낼 KAIA가 부족합니다. 지갑에 KAIA를 채운 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The earlier mint transaction can no longer be included: another transaction from this wallet took its place. Nothing was minted. Confirm again to mint.</source>
        <comment>chain.mint_can_no_longer_land</comment>
        <translation>이전 민팅 트랜잭션은 더 이상 처리될 수 없습니다. 이 지갑의 다른 트랜잭션이 그 자리를 차지했습니다. 아무것도 민팅되지 않았습니다. 민팅하려면 다시 확인하세요.</translation>
    </message>
    <message>
        <source>Minting is not available</source>
        <comment>chain.minting_unavailable</comment>
        <translation>민팅을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>No SM6 contract address is set for {network}. Enter the campaign's contract address in the wallet's network settings.</source>
        <comment>chain.no_contract_address</comment>
        <translation>{network}에 설정된 SM6 컨트랙트 주소가 없습니다. 지갑의 네트워크 설정에 캠페인의 컨트랙트 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>There is no contract at {address} on {network_name}. Nothing was sent. Check the contract address in the wallet's network settings.</source>
        <comment>chain.no_contract_there</comment>
        <translation>{network_name}의 {address}에는 컨트랙트가 없습니다. 아무것도 보내지 않았습니다. 지갑의 네트워크 설정에서 컨트랙트 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>No address is set for the {what}.</source>
        <comment>chain.no_node_address</comment>
        <translation>{what}의 주소가 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The {network_name} node {problem} Anything signed waits in the outbox. If this goes on, check the node address in the wallet's network settings.</source>
        <comment>chain.node_bad_reply</comment>
        <translation>{network_name} 노드가 {problem} 서명된 것은 전송 대기열에서 기다립니다. 계속 이러면 지갑의 네트워크 설정에서 노드 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>This node is on chain {actual_id}, not {expected_name} (chain {expected_id}). Nothing was sent. Check the node address in the wallet's network settings.</source>
        <comment>chain.node_on_wrong_chain</comment>
        <translation>이 노드는 {expected_name}(체인 {expected_id})이 아니라 체인 {actual_id}에 있습니다. 아무것도 보내지 않았습니다. 지갑의 네트워크 설정에서 노드 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The node refused the transaction. It said: {text}</source>
        <comment>chain.node_refused</comment>
        <translation>노드가 트랜잭션을 거부했습니다. 노드의 응답: {text}</translation>
    </message>
    <message>
        <source>The {network_name} node did not answer in time. Anything signed waits in the outbox.</source>
        <comment>chain.node_timeout</comment>
        <translation>{network_name} 노드가 제시간에 응답하지 않았습니다. 서명된 것은 전송 대기열에서 기다립니다.</translation>
    </message>
    <message>
        <source>The {network_name} node cannot be reached. Check this computer's connection; anything signed waits in the outbox and is sent when the node answers again.</source>
        <comment>chain.node_unreachable</comment>
        <translation>{network_name} 노드에 연결할 수 없습니다. 이 컴퓨터의 연결을 확인하세요. 서명된 것은 전송 대기열에서 기다리다가 노드가 다시 응답하면 전송됩니다.</translation>
    </message>
    <message>
        <source>Another transaction from this wallet used the same place in line (nonce). Wait for it to finish; the app checks the chain and tries again without paying twice.</source>
        <comment>chain.nonce_taken</comment>
        <translation>이 지갑의 다른 트랜잭션이 같은 순번(논스)을 사용했습니다. 그 트랜잭션이 끝날 때까지 기다리세요. 앱이 체인을 확인하고 두 번 결제하지 않도록 다시 시도합니다.</translation>
    </message>
    <message>
        <source>The network cannot be reached, so nothing was signed. The mint waits in the outbox: confirm it again when this computer is online.</source>
        <comment>chain.offline_queued</comment>
        <translation>네트워크에 연결할 수 없어 아무것도 서명하지 않았습니다. 민팅은 전송 대기열에서 기다립니다. 이 컴퓨터가 온라인이 되면 다시 확인하세요.</translation>
    </message>
    <message>
        <source>sent an error this app cannot read.</source>
        <comment>chain.reply_bad_error</comment>
        <translation>이 앱이 읽을 수 없는 오류를 보냈습니다.</translation>
    </message>
    <message>
        <source>sent an empty reply.</source>
        <comment>chain.reply_empty</comment>
        <translation>빈 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>answered with an error (HTTP {status}) and nothing else.</source>
        <comment>chain.reply_error_only</comment>
        <translation>오류(HTTP {status}) 외에는 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>answered with an error page (HTTP {status}) instead of a reply.</source>
        <comment>chain.reply_error_page</comment>
        <translation>응답 대신 오류 페이지(HTTP {status})를 보냈습니다.</translation>
    </message>
    <message>
        <source>answered with an error (HTTP {status}) instead of a reply.</source>
        <comment>chain.reply_http_error</comment>
        <translation>응답 대신 오류(HTTP {status})를 보냈습니다.</translation>
    </message>
    <message>
        <source>sent a reply with neither a result nor an error in it.</source>
        <comment>chain.reply_no_result</comment>
        <translation>결과도 오류도 없는 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>sent a reply this app cannot read (it is not JSON-RPC).</source>
        <comment>chain.reply_not_json_rpc</comment>
        <translation>이 앱이 읽을 수 없는 응답을 보냈습니다(JSON-RPC가 아님).</translation>
    </message>
    <message>
        <source>answered a different request than the one this app sent, so its answer cannot be trusted.</source>
        <comment>chain.reply_other_request</comment>
        <translation>이 앱이 보낸 것과 다른 요청에 응답했으므로 그 응답을 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>sent a reply larger than {limit} MB, which no request of this app needs.</source>
        <comment>chain.reply_too_large</comment>
        <translation>{limit} MB보다 큰 응답을 보냈습니다. 이 앱의 요청에는 그렇게 큰 응답이 필요 없습니다.</translation>
    </message>
    <message>
        <source>sent a reply this app cannot read.</source>
        <comment>chain.reply_unreadable</comment>
        <translation>이 앱이 읽을 수 없는 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>What was reviewed is no longer what would be signed (it was changed in the meantime), so nothing was signed. Review it again, then confirm.</source>
        <comment>chain.review_changed</comment>
        <translation>검토한 내용이 서명할 내용과 달라졌습니다(그사이에 바뀌었습니다). 아무것도 서명하지 않았습니다. 다시 검토한 뒤 확인하세요.</translation>
    </message>
    <message>
        <source>The network was changed after the review, so nothing was signed. Review it again on the network shown, then confirm.</source>
        <comment>chain.reviewed_on_another_network</comment>
        <translation>검토 후 네트워크가 바뀌어 아무것도 서명하지 않았습니다. 표시된 네트워크에서 다시 검토한 뒤 확인하세요.</translation>
    </message>
    <message>
        <source>Another wallet account is unlocked now than the one this was reviewed with, so nothing was signed. Review it again, then confirm.</source>
        <comment>chain.reviewed_with_another_account</comment>
        <translation>검토할 때와 다른 지갑 계정이 지금 잠금 해제되어 있어 아무것도 서명하지 않았습니다. 다시 검토한 뒤 확인하세요.</translation>
    </message>
    <message>
        <source>The sandbox chain in {folder} cannot be opened.</source>
        <comment>chain.sandbox_unopenable</comment>
        <translation>{folder}의 샌드박스 체인을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Sent; waiting for the network to include it. The app keeps checking.</source>
        <comment>chain.sent_waiting</comment>
        <translation>보냈습니다. 네트워크가 처리하기를 기다리는 중이며, 앱이 계속 확인합니다.</translation>
    </message>
    <message>
        <source>The node refused a transaction signed for another chain.</source>
        <comment>chain.signed_for_another_chain</comment>
        <translation>노드가 다른 체인용으로 서명된 트랜잭션을 거부했습니다.</translation>
    </message>
    <message>
        <source>The earlier transfer can no longer be included: another transaction from this wallet took its place. Nothing was sent. Confirm again to send.</source>
        <comment>chain.transfer_can_no_longer_land</comment>
        <translation>이전 전송은 더 이상 처리될 수 없습니다. 이 지갑의 다른 트랜잭션이 그 자리를 차지했습니다. 아무것도 보내지 않았습니다. 보내려면 다시 확인하세요.</translation>
    </message>
    <message>
        <source>The receiving address refused the transfer: it is a contract that does not accept KAIA. Only the fee was spent. Check the address and send again.</source>
        <comment>chain.transfer_refused</comment>
        <translation>받는 주소가 전송을 거부했습니다. KAIA를 받지 않는 컨트랙트입니다. 수수료만 사용되었습니다. 주소를 확인하고 다시 보내세요.</translation>
    </message>
    <message>
        <source>The {env_var} environment variable does not hold a usable key (it has spaces inside), so it is ignored.</source>
        <comment>keys.bad_env_key</comment>
        <translation>{env_var} 환경 변수의 키는 사용할 수 없어(중간에 공백이 있음) 무시합니다.</translation>
    </message>
    <message>
        <source>The API key saved in the system keyring is not usable. Enter it again in Settings.</source>
        <comment>keys.bad_stored_key</comment>
        <translation>시스템 키링에 저장된 API 키를 사용할 수 없습니다. 설정에서 다시 입력하세요.</translation>
    </message>
    <message>
        <source>The key could not be removed from the system keyring. Unlock the keyring and try again.</source>
        <comment>keys.keyring_remove_failed</comment>
        <translation>시스템 키링에서 키를 삭제하지 못했습니다. 키링의 잠금을 풀고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The system keyring could not be read (it may be locked), so the OpenAI API key can only come from the {env_var} environment variable. Unlock the keyring and try again.</source>
        <comment>keys.keyring_unreadable</comment>
        <translation>시스템 키링을 읽을 수 없어(잠겨 있을 수 있습니다) OpenAI API 키는 {env_var} 환경 변수에서만 가져올 수 있습니다. 키링의 잠금을 풀고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The key could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} environment variable.</source>
        <comment>keys.keyring_unwritable</comment>
        <translation>시스템 키링에 키를 저장하지 못했습니다. 키링의 잠금을 풀고 다시 시도하거나 {env_var} 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>This system has no keyring to keep the OpenAI API key safe, so the key can only come from the {env_var} environment variable. Set it before starting SM6 Design Studio.</source>
        <comment>keys.no_keyring</comment>
        <translation>이 시스템에는 OpenAI API 키를 안전하게 보관할 키링이 없어 키는 {env_var} 환경 변수에서만 가져올 수 있습니다. SM6 Design Studio를 시작하기 전에 설정하세요.</translation>
    </message>
    <message>
        <source>The API key is empty. Paste the key from your OpenAI account (it starts with “sk-”).</source>
        <comment>keys.openai_key_empty</comment>
        <translation>API 키가 비어 있습니다. OpenAI 계정의 키를 붙여 넣으세요(“sk-”로 시작합니다).</translation>
    </message>
    <message>
        <source>An API key has no spaces or line breaks inside. Copy it again, in one piece, from your OpenAI account.</source>
        <comment>keys.openai_key_spaces</comment>
        <translation>API 키에는 공백이나 줄 바꿈이 없습니다. OpenAI 계정에서 키 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The address has a typo: its capital letters do not match its checksum. Copy it again.</source>
        <comment>send.address_checksum</comment>
        <translation>주소에 오타가 있습니다. 대문자가 체크섬과 맞지 않습니다. 다시 복사하세요.</translation>
    </message>
    <message>
        <source>That is the SM6 token contract's own address: it cannot pass anything on, so whatever is sent there is lost for good. Enter the recipient's own wallet address.</source>
        <comment>send.address_contract</comment>
        <translation>SM6 토큰 컨트랙트 자체의 주소입니다. 이 주소는 아무것도 전달할 수 없어 보낸 것은 영영 잃게 됩니다. 받는 사람의 지갑 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>That is not a Kaia address: it starts with 0x and has 40 letters and digits after it.</source>
        <comment>send.address_format</comment>
        <translation>Kaia 주소가 아닙니다. Kaia 주소는 0x로 시작하고 그 뒤에 영문자와 숫자 40자가 옵니다.</translation>
    </message>
    <message>
        <source>That is this wallet's own address. Enter the address to send to.</source>
        <comment>send.address_own</comment>
        <translation>이 지갑 자신의 주소입니다. 보낼 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>Nobody owns that address: it is the zero (burn) address or one built into the network, and whatever is sent there is lost for good. Check the recipient's address.</source>
        <comment>send.address_unowned</comment>
        <translation>아무도 소유하지 않은 주소입니다. 0(소각) 주소이거나 네트워크에 내장된 주소이므로 보낸 것은 영영 잃게 됩니다. 받는 사람의 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>Use a point for decimals, as in 1.5 (not 1,5). A comma may only group thousands: 1,000.</source>
        <comment>send.amount_decimal_comma</comment>
        <translation>소수점은 1,5가 아니라 1.5처럼 점으로 쓰세요. 쉼표는 1,000처럼 천 단위 구분에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Write the amount out in full, without an exponent: 1000 rather than 1e3.</source>
        <comment>send.amount_exponent</comment>
        <translation>금액은 지수 없이 모두 풀어 쓰세요. 1e3이 아니라 1000처럼 씁니다.</translation>
    </message>
    <message>
        <source>Write the amount in ordinary decimal digits, such as 16, not in hexadecimal (0x…).</source>
        <comment>send.amount_hexadecimal</comment>
        <translation>금액은 16진수(0x…)가 아니라 16처럼 보통의 10진수로 쓰세요.</translation>
    </message>
    <message>
        <source>Enter an amount of KAIA, such as 1 or 0.5.</source>
        <comment>send.amount_missing</comment>
        <translation>KAIA 금액을 입력하세요. 예: 1 또는 0.5</translation>
    </message>
    <message>
        <source>An amount cannot be negative. Write how much to send, such as 1 or 0.5, without a sign.</source>
        <comment>send.amount_negative</comment>
        <translation>금액은 음수일 수 없습니다. 보낼 금액을 1이나 0.5처럼 부호 없이 쓰세요.</translation>
    </message>
    <message>
        <source>That is not an amount of KAIA. Write a number such as 1 or 0.5, with the digits 0 to 9.</source>
        <comment>send.amount_not_an_amount</comment>
        <translation>KAIA 금액이 아닙니다. 1이나 0.5처럼 숫자 0~9로 쓰세요.</translation>
    </message>
    <message>
        <source>Write the amount with the digits 0 to 9, such as 1 or 0.5.</source>
        <comment>send.amount_not_digits</comment>
        <translation>금액은 1이나 0.5처럼 숫자 0~9로 쓰세요.</translation>
    </message>
    <message>
        <source>The amount must be a number of KAIA, such as 1 or 0.5.</source>
        <comment>send.amount_not_number</comment>
        <translation>금액은 1이나 0.5 같은 KAIA 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>Write the amount without a plus sign, such as 1 or 0.5.</source>
        <comment>send.amount_plus_sign</comment>
        <translation>금액은 1이나 0.5처럼 더하기 기호 없이 쓰세요.</translation>
    </message>
    <message>
        <source>That is more KAIA than exists. Check the amount.</source>
        <comment>send.amount_too_large</comment>
        <translation>존재하는 KAIA보다 많은 금액입니다. 금액을 확인하세요.</translation>
    </message>
    <message>
        <source>That is too long to be an amount of KAIA. Write a number such as 1 or 0.5.</source>
        <comment>send.amount_too_long</comment>
        <translation>KAIA 금액이라기에는 너무 깁니다. 1이나 0.5 같은 숫자를 쓰세요.</translation>
    </message>
    <message>
        <source>KAIA has at most 18 decimal places. Round the amount.</source>
        <comment>send.amount_too_precise</comment>
        <translation>KAIA는 소수점 아래 18자리까지만 있습니다. 금액을 반올림하세요.</translation>
    </message>
    <message>
        <source>Enter an amount above 0 KAIA.</source>
        <comment>send.amount_zero</comment>
        <translation>0 KAIA보다 큰 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>The note</source>
        <comment>send.what.note</comment>
        <translation>메모</translation>
    </message>
    <message>
        <source>That is not an account address (0x and 40 hexadecimal characters).</source>
        <comment>wallet.account_address_format</comment>
        <translation>계정 주소가 아닙니다(0x와 16진수 40자).</translation>
    </message>
    <message>
        <source>This account ({address}) is already in the wallet as “{name}”. Nothing was changed.</source>
        <comment>wallet.account_duplicate</comment>
        <translation>이 계정({address})은 이미 지갑에 “{name}”(으)로 있습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The account number cannot be negative: 0 is the first account of a recovery phrase.</source>
        <comment>wallet.account_index_negative</comment>
        <translation>계정 번호는 음수일 수 없습니다. 0이 복구 문구의 첫 번째 계정입니다.</translation>
    </message>
    <message>
        <source>The account number is a whole number written with the digits 0 to 9: 0 for the first account of the recovery phrase, 1 for the second, and so on.</source>
        <comment>wallet.account_index_not_number</comment>
        <translation>계정 번호는 숫자 0~9로 쓴 정수입니다. 복구 문구의 첫 번째 계정은 0, 두 번째는 1과 같은 식입니다.</translation>
    </message>
    <message>
        <source>The account number can be at most {max_index:,}. Larger numbers are not ordinary accounts in any wallet app; check the number.</source>
        <comment>wallet.account_index_too_large</comment>
        <translation>계정 번호는 최대 {max_index:,}입니다. 이보다 큰 번호는 어떤 지갑 앱에서도 일반적인 계정이 아닙니다. 번호를 확인하세요.</translation>
    </message>
    <message>
        <source>The account list ({index_name}) was damaged, so it was rebuilt from the keystore files; the damaged one is kept as {name}.</source>
        <comment>wallet.account_list_rebuilt</comment>
        <translation>계정 목록({index_name})이 손상되어 키스토어 파일에서 다시 만들었습니다. 손상된 목록은 {name}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>The account {address} is not in this wallet.</source>
        <comment>wallet.account_not_found</comment>
        <translation>{address} 계정은 이 지갑에 없습니다.</translation>
    </message>
    <message>
        <source>{adopted} account(s) were found in keystore files the account list did not name, and were added back with names like “Account 1”. Rename them in the wallet.</source>
        <comment>wallet.accounts_recovered</comment>
        <translation>계정 목록에 없는 키스토어 파일에서 계정 {adopted}개를 찾아 “계정 1” 같은 이름으로 다시 추가했습니다. 지갑에서 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>Export it again from the wallet app it came from.</source>
        <comment>wallet.export_again</comment>
        <translation>원래 사용하던 지갑 앱에서 다시 내보내세요.</translation>
    </message>
    <message>
        <source>This keystore file names a different account than the key inside it, so it cannot be trusted. Export it again from the wallet app it came from.</source>
        <comment>wallet.keystore_address_mismatch</comment>
        <translation>이 키스토어 파일에 적힌 계정이 안에 든 키와 달라 믿을 수 없습니다. 원래 사용하던 지갑 앱에서 다시 내보내세요.</translation>
    </message>
    <message>
        <source>its address is not an address</source>
        <comment>wallet.keystore_bad_address</comment>
        <translation>주소가 올바른 주소가 아님</translation>
    </message>
    <message>
        <source>its iv, ciphertext or mac is missing or not hexadecimal</source>
        <comment>wallet.keystore_bad_cipher_fields</comment>
        <translation>iv, ciphertext 또는 mac이 없거나 16진수가 아님</translation>
    </message>
    <message>
        <source>its pbkdf2 settings are invalid or too costly to open</source>
        <comment>wallet.keystore_bad_pbkdf2</comment>
        <translation>pbkdf2 설정이 올바르지 않거나 열기에 너무 많은 연산이 필요함</translation>
    </message>
    <message>
        <source>its scrypt settings are invalid or too costly to open</source>
        <comment>wallet.keystore_bad_scrypt</comment>
        <translation>scrypt 설정이 올바르지 않거나 열기에 너무 많은 연산이 필요함</translation>
    </message>
    <message>
        <source>The keystore file for {address} says it holds another account ({claimed}), so it is not used. Restore the file from a backup.</source>
        <comment>wallet.keystore_claims_other</comment>
        <translation>{address}의 키스토어 파일에는 다른 계정({claimed})이 들어 있다고 적혀 있어 사용하지 않습니다. 백업에서 파일을 복원하세요.</translation>
    </message>
    <message>
        <source>its scrypt settings are too costly to open</source>
        <comment>wallet.keystore_costly_scrypt</comment>
        <translation>scrypt 설정이 열기에 너무 많은 연산을 요구함</translation>
    </message>
    <message>
        <source>The keystore file for {name} is damaged</source>
        <comment>wallet.keystore_damaged_opening</comment>
        <translation>{name}의 키스토어 파일이 손상되었습니다</translation>
    </message>
    <message>
        <source>The keystore file for {address} cannot be read. Check the file, or restore it from a backup.</source>
        <comment>wallet.keystore_file_unreadable</comment>
        <translation>{address}의 키스토어 파일을 읽을 수 없습니다. 파일을 확인하거나 백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>The keystore file for {address} holds a different account ({held}), so it is not used. Restore the file from a backup.</source>
        <comment>wallet.keystore_holds_other</comment>
        <translation>{address}의 키스토어 파일에는 다른 계정({held})이 들어 있어 사용하지 않습니다. 백업에서 파일을 복원하세요.</translation>
    </message>
    <message>
        <source>This is a private key, not a keystore file. Use “Import private key” for it instead.</source>
        <comment>wallet.keystore_is_private_key</comment>
        <translation>키스토어 파일이 아니라 개인 키입니다. 대신 “개인 키 가져오기”를 사용하세요.</translation>
    </message>
    <message>
        <source>it {problem}</source>
        <comment>wallet.keystore_json_problem</comment>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>The keystore file for {address} is missing from {folder}. Restore it from a backup.</source>
        <comment>wallet.keystore_missing</comment>
        <translation>{address}의 키스토어 파일이 {folder}에 없습니다. 백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>its “crypto” section is missing</source>
        <comment>wallet.keystore_no_crypto</comment>
        <translation>“crypto” 항목이 없음</translation>
    </message>
    <message>
        <source>its key-derivation settings are missing</source>
        <comment>wallet.keystore_no_kdf_settings</comment>
        <translation>키 유도 설정이 없음</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <comment>wallet.keystore_not_object</comment>
        <translation>JSON 객체가 아님</translation>
    </message>
    <message>
        <source>it is not a version 3 keystore</source>
        <comment>wallet.keystore_not_version_3</comment>
        <translation>버전 3 키스토어가 아님</translation>
    </message>
    <message>
        <source>it uses a cipher other than aes-128-ctr</source>
        <comment>wallet.keystore_other_cipher</comment>
        <translation>aes-128-ctr이 아닌 암호 방식을 사용함</translation>
    </message>
    <message>
        <source>it uses a key-derivation function other than scrypt or pbkdf2</source>
        <comment>wallet.keystore_other_kdf</comment>
        <translation>scrypt나 pbkdf2가 아닌 키 유도 함수를 사용함</translation>
    </message>
    <message>
        <source>{opening}: {reason}. {next_step}</source>
        <comment>wallet.keystore_problem</comment>
        <translation>{opening}: {reason}. {next_step}</translation>
    </message>
    <message>
        <source>This keystore file could not be opened even though it looks complete. Restore it from a backup.</source>
        <comment>wallet.keystore_unopenable</comment>
        <translation>이 키스토어 파일은 완전해 보이지만 열 수 없습니다. 백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>That keystore file cannot be read. Check that it is still there and that you may open it.</source>
        <comment>wallet.keystore_unreadable</comment>
        <translation>그 키스토어 파일을 읽을 수 없습니다. 파일이 아직 있는지, 열 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>This is not a usable keystore file</source>
        <comment>wallet.keystore_unusable_opening</comment>
        <translation>사용할 수 있는 키스토어 파일이 아닙니다</translation>
    </message>
    <message>
        <source>it is a version 4 (validator) keystore; Kaia accounts use version 3</source>
        <comment>wallet.keystore_version_4</comment>
        <translation>버전 4(검증인) 키스토어임. Kaia 계정은 버전 3을 사용함</translation>
    </message>
    <message>
        <source>The keystore file for “{name}” ({address}) is missing from {folder}, so the account is not shown. Put the file back to use it again.</source>
        <comment>wallet.listed_keystore_missing</comment>
        <translation>“{name}”({address})의 키스토어 파일이 {folder}에 없어 계정을 표시하지 않습니다. 다시 사용하려면 파일을 되돌려 놓으세요.</translation>
    </message>
    <message>
        <source>The wallet is locked. Unlock it with its password to continue.</source>
        <comment>wallet.locked</comment>
        <translation>지갑이 잠겨 있습니다. 계속하려면 비밀번호로 잠금을 해제하세요.</translation>
    </message>
    <message>
        <source>The wallet is locked. Unlock it with its password, then try again.</source>
        <comment>wallet.locked_try_again</comment>
        <translation>지갑이 잠겨 있습니다. 비밀번호로 잠금을 해제한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Use at least {min_password_length} characters.</source>
        <comment>wallet.password_hint_empty</comment>
        <translation>{min_password_length}자 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Longer is stronger: add another uncommon word or two.</source>
        <comment>wallet.password_hint_longer</comment>
        <translation>길수록 안전합니다. 흔하지 않은 단어를 한두 개 더 넣으세요.</translation>
    </message>
    <message>
        <source>Too short: use at least {min_password_length} characters.</source>
        <comment>wallet.password_hint_too_short</comment>
        <translation>너무 짧습니다. {min_password_length}자 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Use at least {min_password_length} characters for the password.</source>
        <comment>wallet.password_too_short</comment>
        <translation>비밀번호는 {min_password_length}자 이상으로 만드세요.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both boxes.</source>
        <comment>wallet.passwords_differ</comment>
        <translation>두 비밀번호가 같지 않습니다. 두 칸에 비밀번호를 다시 입력하세요.</translation>
    </message>
    <message>
        <source>A derivation path starts with m/ and lists numbers, as in {example}.</source>
        <comment>wallet.path_format</comment>
        <translation>파생 경로는 m/으로 시작하고 숫자가 이어집니다. 예: {example}</translation>
    </message>
    <message>
        <source>Level {position} of the derivation path is not a number from 0 to {max_index:,} written with the digits 0 to 9 (an apostrophe after it may mark it hardened), as in {example}.</source>
        <comment>wallet.path_level_not_number</comment>
        <translation>파생 경로의 {position}번째 단계가 숫자 0~9로 쓴 0부터 {max_index:,}까지의 숫자가 아닙니다(뒤에 아포스트로피를 붙이면 강화 단계입니다). 예: {example}</translation>
    </message>
    <message>
        <source>Level {position} of the derivation path is {hardened:,} or more, which is not an ordinary index: use a number below {hardened:,} and mark a hardened one with an apostrophe, as in {example}.</source>
        <comment>wallet.path_level_too_large</comment>
        <translation>파생 경로의 {position}번째 단계가 {hardened:,} 이상이라 일반적인 인덱스가 아닙니다. {hardened:,}보다 작은 숫자를 쓰고, 강화 단계는 아포스트로피로 표시하세요. 예: {example}</translation>
    </message>
    <message>
        <source>A derivation path is text such as {example}.</source>
        <comment>wallet.path_not_text</comment>
        <translation>파생 경로는 {example} 같은 텍스트입니다.</translation>
    </message>
    <message>
        <source>A derivation path has at most {max_path_depth} levels, as in {example}.</source>
        <comment>wallet.path_too_deep</comment>
        <translation>파생 경로는 최대 {max_path_depth}단계입니다. 예: {example}</translation>
    </message>
    <message>
        <source>These words are all BIP-39 words, but not a valid recovery phrase (its checksum does not match): a word is probably wrong or out of order. Check them against your backup.</source>
        <comment>wallet.phrase_bad_checksum</comment>
        <translation>모두 BIP-39 단어이지만 올바른 복구 문구가 아닙니다(체크섬이 맞지 않음). 단어가 틀렸거나 순서가 바뀌었을 수 있습니다. 백업과 비교해 확인하세요.</translation>
    </message>
    <message>
        <source>The words come from more than one language's word list. Check them against your backup.</source>
        <comment>wallet.phrase_mixed_languages</comment>
        <translation>단어가 여러 언어의 단어 목록에서 왔습니다. 백업과 비교해 확인하세요.</translation>
    </message>
    <message>
        <source>No account could be made from this recovery phrase and path. Check the words and the path.</source>
        <comment>wallet.phrase_no_account</comment>
        <translation>이 복구 문구와 경로로 계정을 만들 수 없습니다. 단어와 경로를 확인하세요.</translation>
    </message>
    <message>
        <source>Word {position} is not a BIP-39 recovery-phrase word. Check its spelling against your backup.</source>
        <comment>wallet.phrase_unknown_word</comment>
        <translation>{position}번째 단어는 BIP-39 복구 문구 단어가 아닙니다. 백업과 비교해 철자를 확인하세요.</translation>
    </message>
    <message>
        <source>A recovery phrase has 12, 15, 18, 21 or 24 words; this one has {count}. Check that none is missing.</source>
        <comment>wallet.phrase_word_count</comment>
        <translation>복구 문구는 12, 15, 18, 21 또는 24개 단어입니다. 이 문구는 {count}개입니다. 빠진 단어가 없는지 확인하세요.</translation>
    </message>
    <message>
        <source>A private key is 64 hexadecimal characters (0-9 and a-f), with or without 0x in front. Check that all of it was copied.</source>
        <comment>wallet.private_key_format</comment>
        <translation>개인 키는 16진수 64자(0-9와 a-f)이며 앞에 0x가 있어도 되고 없어도 됩니다. 전체를 복사했는지 확인하세요.</translation>
    </message>
    <message>
        <source>This is not a valid private key (it is outside the range keys can have).</source>
        <comment>wallet.private_key_out_of_range</comment>
        <translation>올바른 개인 키가 아닙니다(키가 가질 수 있는 범위를 벗어났습니다).</translation>
    </message>
    <message>
        <source>Restore it from a backup.</source>
        <comment>wallet.restore_from_backup</comment>
        <translation>백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>The transaction could not be signed: one of its fields is missing or wrong. Nothing was sent.</source>
        <comment>wallet.sign_failed</comment>
        <translation>트랜잭션에 서명할 수 없습니다. 항목 중 하나가 없거나 잘못되었습니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>{what} contains a hidden control or text-direction character, which would change how it is shown (such characters often come along when text is pasted). Type it again without them.</source>
        <comment>wallet.text_hidden_characters</comment>
        <translation>{what}에 보이지 않는 제어 문자나 텍스트 방향 문자가 있어 표시되는 모양이 바뀔 수 있습니다(이런 문자는 텍스트를 붙여 넣을 때 함께 들어오곤 합니다). 그런 문자 없이 다시 입력하세요.</translation>
    </message>
    <message>
        <source>{what} must be text.</source>
        <comment>wallet.text_not_text</comment>
        <translation>{what}은(는) 텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>{what} can have at most {max_length} characters; this one has {count}.</source>
        <comment>wallet.text_too_long</comment>
        <translation>{what}은(는) 최대 {max_length}자까지 쓸 수 있습니다. 지금은 {count}자입니다.</translation>
    </message>
    <message>
        <source>this account</source>
        <comment>wallet.this_account</comment>
        <translation>이 계정</translation>
    </message>
    <message>
        <source>The keystore file {name} is damaged, so it was left out. Restore it from a backup.</source>
        <comment>wallet.unlisted_keystore_damaged</comment>
        <translation>키스토어 파일 {name}이(가) 손상되어 제외했습니다. 백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>The keystore file {name} says it holds another account ({claimed}), so it was left out rather than trusted. Rename it to match, or import it again.</source>
        <comment>wallet.unlisted_keystore_other_account</comment>
        <translation>키스토어 파일 {name}에는 다른 계정({claimed})이 들어 있다고 적혀 있어 믿지 않고 제외했습니다. 이름을 맞게 바꾸거나 다시 가져오세요.</translation>
    </message>
    <message>
        <source>An account name</source>
        <comment>wallet.what.account_name</comment>
        <translation>계정 이름</translation>
    </message>
    <message>
        <source>The password is not right, or the keystore file was changed. Check the password (capital letters count) and try again; if it still fails, restore the keystore file from a backup.</source>
        <comment>wallet.wrong_password</comment>
        <translation>비밀번호가 맞지 않거나 키스토어 파일이 바뀌었습니다. 비밀번호(대소문자 구분)를 확인하고 다시 시도하세요. 그래도 안 되면 백업에서 키스토어 파일을 복원하세요.</translation>
    </message>
</context>
</TS>
