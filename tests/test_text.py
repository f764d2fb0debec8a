"""The one plain-text definition."""

from lxml import etree

from duizhao.text import TEI_NS, fidelity_key, normalise, plain_text, source_reading


def _el(xml: str):
    return etree.fromstring(f'<p xmlns="{TEI_NS}">{xml}</p>')


def test_pdf_spacing_around_numbers_is_dropped():
    assert normalise("增长 7.9%，列全省第 4") == "增长7.9%，列全省第4"
    assert normalise("1031.3 亿元") == "1031.3亿元"


def test_space_between_chinese_words_is_kept():
    assert normalise("编辑：李小山 卢慧 曾凡欢") == "编辑：李小山 卢慧 曾凡欢"
    assert normalise("决战园区   工业强市") == "决战园区 工业强市"


def test_xml_line_breaks_do_not_become_spaces_in_chinese():
    assert normalise("很长的\n      句子") == "很长的句子"


def test_english_whitespace_collapses():
    assert normalise("  Luxshare\n  exported ", "en") == "Luxshare exported"


def test_corr_wins_notes_and_breaks_vanish():
    el = _el('56.38亿<choice><sic><pb/></sic><corr type="page-break"/></choice>千瓦时'
             '<note type="editorial" xml:lang="en">joined</note>，清<choice><sic>尝</sic><corr>偿</corr></choice>')
    assert plain_text(el) == "56.38亿千瓦时，清偿"
    assert "尝" in source_reading(el) and "偿" not in source_reading(el)


def test_fidelity_key_keeps_letters_digits_ideographs():
    assert fidelity_key("增长 ７.９％ ＡＢ") == "增长79AB"
