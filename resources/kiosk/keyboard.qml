// The kiosk's on-screen keyboard (Qt Virtual Keyboard), embedded at the bottom of the kiosk window by
// ui/kiosk/keyboard.py. English and Korean (Hangul composes as it is typed: ㅎ ㅏ ㄴ → 한).
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    property string locale: "en_GB"
    readonly property bool active: panel.active
    readonly property real panelHeight: panel.height

    onLocaleChanged: VirtualKeyboardSettings.locale = locale
    onActiveChanged: host.panelActive(active)
    onPanelHeightChanged: host.panelHeight(panelHeight)
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["en_GB", "ko_KR"]
        VirtualKeyboardSettings.locale = locale
        host.panelHeight(panel.height)
    }

    InputPanel {
        id: panel
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    // A key as a tap on it sends it (the input engine every key goes through); used by automation and tests.
    function typeKey(key, text) { return InputContext.inputEngine.virtualKeyClick(key, text, 0) }
    function inputLocale() { return InputContext.locale }
}
