#!/usr/bin/env python3
"""Writes a French (neutral) .resx and its English twin from a dict of texts.

usage: tools/resx.py TEXTS OUT_BASE
TEXTS is a file holding one Python dict literal {"Key": ("texte français", "English text"), ...};
OUT_BASE is e.g. CustomerInsight.Web/Resources/Localization/SharedText (writes .resx and .en.resx).
The .resx files are the source of truth; this only saves typing their XML.
"""
import ast
import sys
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def write(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for key, value in entries:
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
        f.write("</root>\n")


texts = ast.literal_eval(open(sys.argv[1], encoding="utf-8").read())
write(sys.argv[2] + ".resx", [(k, v[0]) for k, v in texts.items()])
write(sys.argv[2] + ".en.resx", [(k, v[1]) for k, v in texts.items()])
