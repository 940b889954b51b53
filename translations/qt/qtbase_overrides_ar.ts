<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's standard buttons in Arabic in the register of the app's own buttons (the verbal noun:
     «إلغاء», «إغلاق»), not Qt's imperative («ألغِ», «أغلق»): installed after qtbase_ar, so these
     win. Compiled to qtbase_overrides_ar.qm with pyside6-lrelease (tests/unit/test_qt_overrides.py
     checks the .qm is this file compiled). -->
<TS version="2.1" language="ar">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>موافق</translation></message>
    <message><source>Save</source><translation>حفظ</translation></message>
    <message><source>Save All</source><translation>حفظ الكل</translation></message>
    <message><source>Open</source><translation>فتح</translation></message>
    <message><source>Cancel</source><translation>إلغاء</translation></message>
    <message><source>Close</source><translation>إغلاق</translation></message>
    <message><source>Discard</source><translation>عدم الحفظ</translation></message>
    <message><source>Don&apos;t Save</source><translation>عدم الحفظ</translation></message>
    <message><source>Apply</source><translation>تطبيق</translation></message>
    <message><source>Reset</source><translation>إعادة تعيين</translation></message>
    <message><source>Restore Defaults</source><translation>استعادة الإعدادات الافتراضية</translation></message>
    <message><source>Help</source><translation>مساعدة</translation></message>
    <message><source>Retry</source><translation>إعادة المحاولة</translation></message>
    <message><source>Ignore</source><translation>تجاهل</translation></message>
    <message><source>Abort</source><translation>إيقاف</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>ا&amp;عثر في:</translation></message>
    <message><source>Files of &amp;type:</source><translation>الملفّات من ال&amp;نّوع:</translation></message>
</context>
</TS>
