<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's file dialog labels as Qt 6.11 writes them, with a mnemonic ("&Look in:", "Files of
     &type:"): qtbase_es holds only the older texts without one, so they showed in English.
     Installed after qtbase_es; compiled to qtbase_overrides_es.qm with pyside6-lrelease
     (tests/gui/test_qt_buttons_arabic.py checks each .qm is its .ts compiled). -->
<TS version="2.1" language="es">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Buscar en:</translation></message>
    <message><source>Files of &amp;type:</source><translation>Ficheros de &amp;tipo:</translation></message>
</context>
</TS>
