<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>core.library</name>
    <message>
        <source>The design library cannot be opened</source>
        <comment>library.cannot_be_opened</comment>
        <translation>디자인 라이브러리를 열 수 없습니다</translation>
    </message>
    <message>
        <source>The design library cannot be read</source>
        <comment>library.cannot_be_read</comment>
        <translation>디자인 라이브러리를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Designs cannot be saved</source>
        <comment>library.cannot_be_saved</comment>
        <translation>디자인을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{what} could not be saved</source>
        <comment>library.could_not_be_saved</comment>
        <translation>{what} 저장에 실패했습니다</translation>
    </message>
    <message>
        <source>Restore it from a backup, or move it out of {folder}: the app then starts a new library and adds back every design from the images in {images} (favourites and descriptions are not in the images).</source>
        <comment>library.damaged_hint</comment>
        <translation>백업에서 복원하거나 {folder} 밖으로 옮기세요. 그러면 앱이 새 라이브러리를 시작하고 {images}에 있는 이미지에서 모든 디자인을 다시 추가합니다(즐겨찾기와 설명은 이미지에 들어 있지 않습니다).</translation>
    </message>
    <message>
        <source>{problem} {kept}</source>
        <comment>library.failed_then_kept</comment>
        <translation>{problem} {kept}</translation>
    </message>
    <message>
        <source>The library file {file} is read-only.</source>
        <comment>library.file_read_only</comment>
        <translation>라이브러리 파일 {file}이(가) 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The image could not be kept anywhere either; once this is fixed, generate it again (the same settings and seed give the same image).</source>
        <comment>library.image_not_kept</comment>
        <translation>이미지도 다른 곳에 보관할 수 없었습니다. 문제를 해결한 뒤 다시 생성하세요(같은 설정과 시드로 같은 이미지를 얻습니다).</translation>
    </message>
    <message>
        <source>The design's image could not be saved</source>
        <comment>library.image_not_saved</comment>
        <translation>디자인 이미지를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Your images are kept in {folder} ({count} images), outside the library: copy it somewhere safe.</source>
        <comment>library.kept_many</comment>
        <translation>이미지 {count}개를 라이브러리 밖의 {folder}에 보관했습니다. 안전한 곳에 복사해 두세요.</translation>
    </message>
    <message>
        <source>Your images are safe in {folder} ({count} images) and will be added to the library the next time the app starts.</source>
        <comment>library.kept_many_adopted</comment>
        <translation>이미지 {count}개를 {folder}에 안전하게 보관했으며, 다음에 앱을 시작할 때 라이브러리에 추가합니다.</translation>
    </message>
    <message>
        <source>Your image is kept in {where}, outside the library: copy it somewhere safe.</source>
        <comment>library.kept_one</comment>
        <translation>이미지를 라이브러리 밖의 {where}에 보관했습니다. 안전한 곳에 복사해 두세요.</translation>
    </message>
    <message>
        <source>Your image is safe in {where} and will be added to the library the next time the app starts.</source>
        <comment>library.kept_one_adopted</comment>
        <translation>이미지를 {where}에 안전하게 보관했으며, 다음에 앱을 시작할 때 라이브러리에 추가합니다.</translation>
    </message>
    <message>
        <source>The library in {folder} is open read-only because that folder cannot be written to: your designs can be viewed, but nothing new can be saved. To save again, make the folder writable (check its permissions, and that its disk is not read-only) and restart the app, or choose another data folder.</source>
        <comment>library.read_only</comment>
        <translation>{folder}의 라이브러리는 그 폴더에 쓸 수 없어 읽기 전용으로 열렸습니다. 디자인을 볼 수는 있지만 새로 저장할 수는 없습니다. 다시 저장하려면 폴더에 쓸 수 있게 하고(권한과 디스크가 읽기 전용이 아닌지 확인) 앱을 다시 시작하거나, 다른 데이터 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The design could not be saved because of an unexpected problem. {kept}</source>
        <comment>library.save_unexpected</comment>
        <translation>예상하지 못한 문제로 디자인을 저장할 수 없습니다. {kept}</translation>
    </message>
    <message>
        <source>This design's saved settings are damaged, so it cannot be shown.</source>
        <comment>library.settings_damaged</comment>
        <translation>이 디자인의 저장된 설정이 손상되어 표시할 수 없습니다.</translation>
    </message>
    <message>
        <source>The description</source>
        <comment>library.the_description</comment>
        <translation>설명</translation>
    </message>
    <message>
        <source>The description draft</source>
        <comment>library.the_description_draft</comment>
        <translation>설명 초안</translation>
    </message>
    <message>
        <source>The design</source>
        <comment>library.the_design</comment>
        <translation>디자인</translation>
    </message>
    <message>
        <source>The designs</source>
        <comment>library.the_designs</comment>
        <translation>디자인</translation>
    </message>
    <message>
        <source>The favourite</source>
        <comment>library.the_favourite</comment>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>The removal</source>
        <comment>library.the_removal</comment>
        <translation>삭제 내용</translation>
    </message>
    <message>
        <source>The undo</source>
        <comment>library.the_restore</comment>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>another SM6 Design Studio</source>
        <comment>storage.another_app</comment>
        <translation>다른 SM6 Design Studio</translation>
    </message>
    <message>
        <source>another SM6 Design Studio (process {pid})</source>
        <comment>storage.another_app_pid</comment>
        <translation>다른 SM6 Design Studio(프로세스 {pid})</translation>
    </message>
    <message>
        <source>{store} cannot be opened</source>
        <comment>storage.cannot_be_opened</comment>
        <translation>{store}을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>The design library cannot be opened</source>
        <comment>storage.cannot_open.library</comment>
        <translation>디자인 라이브러리를 열 수 없습니다</translation>
    </message>
    <message>
        <source>The minting outbox cannot be opened</source>
        <comment>storage.cannot_open.mint_outbox</comment>
        <translation>민팅 대기열을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The publishing outbox cannot be opened</source>
        <comment>storage.cannot_open.publish_outbox</comment>
        <translation>게시 대기열을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The sandbox chain cannot be opened</source>
        <comment>storage.cannot_open.sandbox_chain</comment>
        <translation>샌드박스 체인을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The library cannot be opened</source>
        <comment>storage.cannot_open.some_library</comment>
        <translation>라이브러리를 열 수 없습니다</translation>
    </message>
    <message>
        <source>{failed}: the file {file} is damaged. It has been left exactly as it is. {hint}</source>
        <comment>storage.damaged</comment>
        <translation>{failed}: 파일 {file}이(가) 손상되었습니다. 파일은 그대로 두었습니다. {hint}</translation>
    </message>
    <message>
        <source>{failed}: the disk holding {folder} reported an error. Check that it is still connected and healthy, then try again.</source>
        <comment>storage.disk</comment>
        <translation>{failed}: {folder}이(가) 있는 디스크에서 오류가 발생했습니다. 디스크가 연결되어 있고 정상인지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The data folder {folder} is in use by {who}. Close it or let it finish, then try again.</source>
        <comment>storage.folder_in_use</comment>
        <translation>데이터 폴더 {folder}을(를) {who}에서 사용 중입니다. 그 프로그램을 닫거나 작업이 끝날 때까지 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{failed}: the disk holding {folder} is full. Free some space on it, then try again.</source>
        <comment>storage.full</comment>
        <translation>{failed}: {folder}이(가) 있는 디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{failed}: another program is using {store} in {folder}. Close that program (it may be a second SM6 Design Studio window) or wait a moment, then try again.</source>
        <comment>storage.locked</comment>
        <translation>{failed}: 다른 프로그램이 {folder}의 {store}을(를) 사용 중입니다. 그 프로그램(두 번째 SM6 Design Studio 창일 수 있습니다)을 닫거나 잠시 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{failed}: {file} was made by a newer version of SM6 Design Studio. Update the app to open it; the file is left exactly as it is.</source>
        <comment>storage.newer</comment>
        <translation>{failed}: {file}은(는) 더 새로운 버전의 SM6 Design Studio에서 만든 파일입니다. 열려면 앱을 업데이트하세요. 파일은 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>{failed} in {folder}. Try again; if it keeps happening, Show details says what the system reported.</source>
        <comment>storage.other</comment>
        <translation>{folder}에서 {failed}. 다시 시도하세요. 계속 그러면 ‘자세히 보기’에서 시스템이 알린 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{failed}: {folder} cannot be written to. Check that it is a folder you are allowed to change and that its disk is not read-only, or choose another data folder.</source>
        <comment>storage.read_only</comment>
        <translation>{failed}: {folder}에 쓸 수 없습니다. 변경할 권한이 있는 폴더인지, 디스크가 읽기 전용이 아닌지 확인하거나 다른 데이터 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Restore it from a backup, or move it out of {folder} to start afresh.</source>
        <comment>storage.restore_hint</comment>
        <translation>백업에서 복원하거나, 새로 시작하려면 {folder} 밖으로 옮기세요.</translation>
    </message>
    <message>
        <source>the design library</source>
        <comment>storage.store.library</comment>
        <translation>디자인 라이브러리</translation>
    </message>
    <message>
        <source>the minting outbox</source>
        <comment>storage.store.mint_outbox</comment>
        <translation>민팅 대기열</translation>
    </message>
    <message>
        <source>the publishing outbox</source>
        <comment>storage.store.publish_outbox</comment>
        <translation>게시 대기열</translation>
    </message>
    <message>
        <source>the sandbox chain</source>
        <comment>storage.store.sandbox_chain</comment>
        <translation>샌드박스 체인</translation>
    </message>
    <message>
        <source>the library</source>
        <comment>storage.store.some_library</comment>
        <translation>라이브러리</translation>
    </message>
</context>
</TS>
