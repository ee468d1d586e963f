<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.describe</name>
    <message>
        <source>Add a key in Settings, then choose Retry online.</source>
        <comment>describe.add_key</comment>
        <translation>설정에서 키를 추가한 뒤 ‘온라인으로 다시 시도’를 고르세요.</translation>
    </message>
    <message>
        <source>The server address in Settings is not a web address (for example http://localhost:1234/v1). Fix it, {next_step}</source>
        <comment>describe.bad_server_address</comment>
        <translation>설정의 서버 주소가 웹 주소가 아닙니다(예: http://localhost:1234/v1). 주소를 고치거나 {next_step}</translation>
    </message>
    <message>
        <source>OpenAI is busy with too many requests. Wait a minute and try again, {next_step}</source>
        <comment>describe.busy</comment>
        <translation>OpenAI에 요청이 너무 많아 바쁩니다. 1분 정도 기다렸다가 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The connection dropped part-way through the draft. Try again, or keep the partial text and finish it yourself.</source>
        <comment>describe.connection_dropped</comment>
        <translation>초안을 받는 도중에 연결이 끊겼습니다. 다시 시도하거나, 받은 부분까지의 글을 두고 직접 마무리하세요.</translation>
    </message>
    <message>
        <source>The draft stopped part-way, before the model finished. Try again, or keep the partial text and finish it yourself.</source>
        <comment>describe.cut_off</comment>
        <translation>모델이 끝내기 전에 초안이 중간에 멈췄습니다. 다시 시도하거나, 받은 부분까지의 글을 두고 직접 마무리하세요.</translation>
    </message>
    <message>
        <source>The drafting server did not finish a draft within {seconds}. Try again, {next_step}</source>
        <comment>describe.deadline</comment>
        <translation>초안 서버가 {seconds} 안에 초안을 끝내지 못했습니다. 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The draft took longer than {seconds} and was stopped. Try again, or keep the partial text and finish it yourself.</source>
        <comment>describe.deadline_partial</comment>
        <translation>초안 작성이 {seconds}보다 오래 걸려 중단했습니다. 다시 시도하거나, 받은 부분까지의 글을 두고 직접 마무리하세요.</translation>
    </message>
    <message>
        <source>The OpenAI key contains spaces or characters a key never has. Paste it again in Settings, {next_step}</source>
        <comment>describe.key_bad_characters</comment>
        <translation>OpenAI 키에 공백이나 키에 쓰이지 않는 문자가 있습니다. 설정에 키를 다시 붙여 넣거나 {next_step}</translation>
    </message>
    <message>
        <source>The OpenAI key was refused. Check it in Settings, {next_step}</source>
        <comment>describe.key_refused</comment>
        <translation>OpenAI 키가 거부되었습니다. 설정에서 키를 확인하거나 {next_step}</translation>
    </message>
    <message>
        <source>The draft arrived garbled and could not be read. Try again, {next_step}</source>
        <comment>describe.malformed</comment>
        <translation>초안이 깨진 상태로 도착해 읽을 수 없습니다. 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The OpenAI key is not allowed to use the model “{model}”. Check the key's permissions or choose another model in Settings, {next_step}</source>
        <comment>describe.model_forbidden</comment>
        <translation>이 OpenAI 키로는 “{model}” 모델을 사용할 수 없습니다. 키의 권한을 확인하거나 설정에서 다른 모델을 고르거나 {next_step}</translation>
    </message>
    <message>
        <source>The drafting server did not answer within {seconds}. Try again, {next_step}</source>
        <comment>describe.no_answer</comment>
        <translation>초안 서버가 {seconds} 안에 응답하지 않았습니다. 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The drafting server ({server}) has no chat endpoint at that address. Check the server address in Settings (it usually ends in /v1), {next_step}</source>
        <comment>describe.no_chat_endpoint</comment>
        <translation>초안 서버({server})의 그 주소에는 채팅 엔드포인트가 없습니다. 설정에서 서버 주소(보통 /v1로 끝남)를 확인하거나 {next_step}</translation>
    </message>
    <message>
        <source>The OpenAI account has run out of credit. Add credit or check billing at platform.openai.com, {next_step}</source>
        <comment>describe.no_credit</comment>
        <translation>OpenAI 계정의 크레딧이 모두 소진되었습니다. platform.openai.com에서 크레딧을 충전하거나 결제 정보를 확인하거나 {next_step}</translation>
    </message>
    <message>
        <source>There is no OpenAI key. Add one in Settings, {next_step}</source>
        <comment>describe.no_key</comment>
        <translation>OpenAI 키가 없습니다. 설정에서 키를 추가하거나 {next_step}</translation>
    </message>
    <message>
        <source>The drafting server does not offer the model “{model}”. Choose another model in Settings, {next_step}</source>
        <comment>describe.no_such_model</comment>
        <translation>초안 서버에는 “{model}” 모델이 없습니다. 설정에서 다른 모델을 고르거나 {next_step}</translation>
    </message>
    <message>
        <source>No OpenAI key is set, so an offline draft was made from templates instead of asking ChatGPT. {next_step}</source>
        <comment>describe.offline_no_key</comment>
        <translation>OpenAI 키가 설정되어 있지 않아 ChatGPT에 묻는 대신 템플릿으로 오프라인 초안을 만들었습니다. {next_step}</translation>
    </message>
    <message>
        <source>{count:g} second</source>
        <comment>describe.one_second</comment>
        <translation>{count:g}초</translation>
    </message>
    <message>
        <source>or keep the offline draft.</source>
        <comment>describe.or_keep_offline</comment>
        <translation>오프라인 초안을 그대로 사용하세요.</translation>
    </message>
    <message>
        <source>The description prompt file could not be read. Fix or restore it, or keep the offline draft.</source>
        <comment>describe.prompt_file_unreadable</comment>
        <translation>설명 프롬프트 파일을 읽을 수 없습니다. 파일을 고치거나 복원하거나, 오프라인 초안을 그대로 사용하세요.</translation>
    </message>
    <message>
        <source>The model declined to write this description. Change the design's words and try again, or use the offline draft.</source>
        <comment>describe.refusal</comment>
        <translation>모델이 이 설명을 쓰지 않겠다고 했습니다. 디자인의 문장을 바꿔 다시 시도하거나 오프라인 초안을 사용하세요.</translation>
    </message>
    <message>
        <source>The drafting server refused the request (error {status}). Check the model and server in Settings, {next_step}</source>
        <comment>describe.request_refused</comment>
        <translation>초안 서버가 요청을 거부했습니다(오류 {status}). 설정에서 모델과 서버를 확인하거나 {next_step}</translation>
    </message>
    <message>
        <source>{count:g} seconds</source>
        <comment>describe.seconds</comment>
        <translation>{count:g}초</translation>
    </message>
    <message>
        <source>The drafting server had a problem (error {status}). Try again in a moment, {next_step}</source>
        <comment>describe.server_error</comment>
        <translation>초안 서버에 문제가 생겼습니다(오류 {status}). 잠시 후 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The drafting server reported a problem part-way. Try again in a moment, {next_step}</source>
        <comment>describe.server_problem_part_way</comment>
        <translation>초안 서버가 작성 도중 문제를 알렸습니다. 잠시 후 다시 시도하거나 {next_step}</translation>
    </message>
    <message>
        <source>The drafting server ({server}) asks for an API key. Add its key in Settings, {next_step}</source>
        <comment>describe.server_wants_key</comment>
        <translation>초안 서버({server})가 API 키를 요구합니다. 설정에서 그 서버의 키를 추가하거나 {next_step}</translation>
    </message>
    <message>
        <source>The draft stalled for more than {seconds} and was stopped. Try again, or keep the partial text and finish it yourself.</source>
        <comment>describe.stalled_partial</comment>
        <translation>초안 작성이 {seconds} 넘게 멈춰 있어 중단했습니다. 다시 시도하거나, 받은 부분까지의 글을 두고 직접 마무리하세요.</translation>
    </message>
    <message>
        <source>The offline description templates could not be read. Fix or restore the file, or write the text yourself.</source>
        <comment>describe.templates_unreadable</comment>
        <translation>오프라인 설명 템플릿을 읽을 수 없습니다. 파일을 고치거나 복원하거나, 설명을 직접 쓰세요.</translation>
    </message>
    <message>
        <source>Could not reach the drafting server ({server}). Check the connection or the server address in Settings, {next_step}</source>
        <comment>describe.unreachable</comment>
        <translation>초안 서버({server})에 연결할 수 없습니다. 연결이나 설정의 서버 주소를 확인하거나 {next_step}</translation>
    </message>
    <message>
        <source>OpenAI asks to wait about {wait} seconds. Try again then, {next_step}</source>
        <comment>describe.wait_seconds</comment>
        <translation>OpenAI가 약 {wait}초 기다려 달라고 합니다. 그때 다시 시도하거나 {next_step}</translation>
    </message>
</context>
</TS>
