"""duizhao.numbers: Chinese numerals, the Chinese number scanner, English numbers, same_value.

The Chinese sentences are taken from the corpus (document and segment in the comment).
"""

from __future__ import annotations

import pytest

from duizhao.numbers import (
    NumberMention,
    describe,
    english_numbers,
    find_numbers,
    parse_chinese_numeral,
    same_value,
)


def readings(text: str) -> list[tuple]:
    """(text, value, scale, unit, qualifier, value_max) of every mention."""
    return [(m.text, m.value, m.scale, m.unit, m.qualifier, m.value_max) for m in find_numbers(text)]


def texts(text: str) -> list[str]:
    return [m.text for m in find_numbers(text)]


# -- parse_chinese_numeral -----------------------------------------------------------------
@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("两", 2), ("十", 10), ("十三", 13), ("二十", 20), ("二十一", 21), ("一百二十", 120),
    ("一百零五", 105), ("三千五百", 3500), ("三千五", 3500), ("一万五", 15000), ("三亿五千万", 3.5e8),
    ("一万亿", 1e12), ("万亿", 1e12), ("千亿", 1e11), ("〇", 0), ("零", 0), ("半", 0.5),
    ("二〇二〇", 2020), ("1.5万", 15000), ("1031.3亿", 1.0313e11),
])
def test_parse_chinese_numeral(numeral, value):
    assert parse_chinese_numeral(numeral) == pytest.approx(value)


@pytest.mark.parametrize("not_a_numeral", ["", "十十", "一百千", "链长", "万物", "3个"])
def test_parse_chinese_numeral_rejects(not_a_numeral):
    assert parse_chinese_numeral(not_a_numeral) is None


# -- find_numbers: amounts, scales, units ---------------------------------------------------
def test_newsletter_first_three_quarters():
    # jian-newsletter-2020-11 s010
    zh = ("1-9月，全市规模工业增加值增长3.6%，列全省第1；工业用电量56.38亿千瓦时，增长7.9%，增幅列全省第4；"
          "工业税收同比-2.4%，列全省第三位。其中，电子信息产业实现营业收入1031.3亿元，增长17.9%，"
          "高于规上工业企业营业收入增速16.7个百分点。")
    assert readings(zh) == [
        ("1-9月", 1, 1, "month", "range", 9),
        ("3.6%", 3.6, 1, "percent", "exact", None),
        ("第1", 1, 1, "rank", "exact", None),
        ("56.38亿千瓦时", 56.38, 1e8, "kwh", "exact", None),
        ("7.9%", 7.9, 1, "percent", "exact", None),
        ("第4", 4, 1, "rank", "exact", None),
        ("-2.4%", -2.4, 1, "percent", "exact", None),
        ("第三位", 3, 1, "rank", "exact", None),
        ("1031.3亿元", 1031.3, 1e8, "cny", "exact", None),
        ("17.9%", 17.9, 1, "percent", "exact", None),
        ("16.7个百分点", 16.7, 1, "percentage_point", "exact", None),
    ]


def test_offsets_point_into_the_original_text():
    zh = "工业用电量５６．３８亿千瓦时，增长７．９％"  # full-width digits
    for m in find_numbers(zh):
        assert zh[m.start:m.end] == m.text
    assert [(m.value, m.unit) for m in find_numbers(zh)] == [(56.38, "kwh"), (7.9, "percent")]


@pytest.mark.parametrize("zh, expected", [
    ("已偿还1.34亿", ("1.34亿", 1.34, 1e8, None)),  # jian-news-2019-12 s008
    ("项目资助100万元", ("100万元", 100, 1e4, "cny")),  # jian-newsletter-2020-11 s022
    ("营收达1.08万亿元", ("1.08万亿元", 1.08, 1e12, "cny")),  # jiangxi-presser-2024-08 s008
    ("立讯智造出口29.95亿美元", ("29.95亿美元", 29.95, 1e8, "usd")),
    ("新开工标准厂房面积282万平方米", ("282万平方米", 282, 1e4, "m2")),
    ("网络延迟低于1毫秒", ("低于1毫秒", 1, 1, "ms")),
    ("比4G网络快100倍", ("100倍", 100, 1, "times")),
    ("每百元主营业务收入中的成本为86.2元", ("86.2元", 86.2, 1, "cny")),
    ("服务中小企业52万家次", ("52万家次", 52, 1e4, "count")),
    ("引进人才4295名", ("4295名", 4295, 1, "person")),
    ("累计培训企业家上万人次", ("上万人次", 1, 1e4, "person_time")),
])
def test_amounts(zh, expected):
    m = find_numbers(zh)[-1]
    assert (m.text, m.value, m.scale, m.unit) == expected


def test_chinese_numeral_before_a_scale_keeps_its_value():
    # jian-interview-2021-05 s016, jiangxi-presser-2024-08 s006, yichun-review-2022 s008
    assert readings("推动实行百亿企业市领导结对帮扶") == [("百亿", 100, 1e8, None, "exact", None)]
    assert readings("进入了全国工业“万亿俱乐部”") == [("万亿", 1, 1e12, None, "exact", None)]
    assert readings("营业收入突破五千亿元") == [("突破五千亿元", 5000, 1e8, "cny", "more_than", None)]
    assert find_numbers("百亿企业")[0].amount == 1e10


# -- qualifiers ------------------------------------------------------------------------------
@pytest.mark.parametrize("zh, text, qualifier", [
    ("目前全市集聚电子信息企业近千家", "近千家", "approx"),  # jian-interview-2021-05 s015
    ("累计减轻企业负担近70亿元", "近70亿元", "approx"),
    ("每个项目扶持金额50万元左右", "50万元左右", "approx"),  # s046
    ("制造业增加值占全省地区生产总值比重保持在33%左右", "33%左右", "approx"),
    ("累计减税降费超15亿元", "超15亿元", "more_than"),
    ("省级各类创新平台110余家", "110余家", "more_than"),
    ("共兑现奖补资金7000多万元", "7000多万元", "more_than"),  # yichun-review-2022 s016
    ("营业收入过百亿元企业44家", "过百亿元", "more_than"),
    ("23个行业增幅超过50%", "超过50%", "more_than"),
    ("项目固定资产投资额1000万元(含)以上", "1000万元(含)以上", "at_least"),
    ("力争全年实施亿元项目300个以上", "300个以上", "at_least"),
    ("已完成年底前清偿2/3以上的目标任务", "2/3以上", "at_least"),
    ("授信期限最长不超过五年", "不超过五年", "at_most"),
    ("单笔不超过500万元", "不超过500万元", "at_most"),
    ("新增规上工业企业不足", None, None),
])
def test_qualifiers(zh, text, qualifier):
    found = {m.text: m.qualifier for m in find_numbers(zh)}
    assert found == ({} if text is None else {**found, text: qualifier})
    assert text is None or text in found


def test_past_n_years_is_not_approximate():
    # jian-interview-2021-05 s040: 近三年 = the past three years
    assert readings("近三年每年均实施亿元以上工业项目超300个") == [
        ("三年", 3, 1, "year", "exact", None),
        ("亿元以上", 1, 1e8, "cny", "at_least", None),
        ("超300个", 300, 1, "count", "more_than", None),
    ]


# -- ranges and periods ---------------------------------------------------------------------
@pytest.mark.parametrize("zh, expected", [
    ("嘉宾提前15-30分钟进入直播室", ("15-30分钟", 15, 30, None)),  # 提前 is not "top 15"
    ("着力打造5-10个技改标杆项目", ("5-10个", 5, 10, "count")),
    ("而4G为30-70毫秒", ("30-70毫秒", 30, 70, "ms")),
    ("大力实施县域经济3至5年倍增计划", ("3至5年", 3, 5, "year")),
    ("《5G通信基础设施专项规划(2019-2035年)》", ("2019-2035年", 2019, 2035, "year")),
    ("在2019—2021年度全省加快发展工业", ("2019—2021年度", 2019, 2021, "year")),
    ("10月20日-21日，由市工信局主办", ("20日-21日", 20, 21, "day")),
    ("1-11月，全市实施亿元以上工业项目350个", ("1-11月", 1, 11, "month")),
])
def test_ranges(zh, expected):
    m = next(m for m in find_numbers(zh) if m.qualifier == "range")
    assert (m.text, m.value, m.value_max, m.unit) == expected


def test_dates_times_and_plans():
    # jiangxi-presser-2024-08 s003, jian-interview-2021-05 s002
    assert readings("2024/8/6 8:39:00") == [
        ("2024", 2024, 1, "year", "exact", None), ("8", 8, 1, "month", "exact", None),
        ("6", 6, 1, "day", "exact", None), ("8:39:00", 8.65, 1, None, "exact", None),
    ]
    assert [(m.text, m.value, m.unit) for m in find_numbers("2021年5月25日上午9:00—9:45")] == [
        ("2021年", 2021, "year"), ("5月", 5, "month"), ("25日", 25, "day"), ("9:00", 9, None), ("9:45", 9.75, None)]
    assert [(m.text, m.value) for m in find_numbers("聚焦“十四五”开好局，“十三五”期间")] == [("十四五", 14), ("十三五", 13)]
    assert [(m.text, m.value) for m in find_numbers("党的十九届五中全会")] == [("十九届", 19), ("五中全会", 5)]
    assert [(m.text, m.value, m.unit) for m in find_numbers("前三季度，全市消费品零售总额")] == [("前三季度", 3, None)]
    assert [(m.text, m.value) for m in find_numbers("二〇二〇年")] == [("二〇二〇年", 2020)]


# -- ranks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("zh, expected", [
    ("规模工业增加值同比增长24.6%，列全省第2位", ("第2位", 2, "rank", "exact")),
    ("总量列江西省第一，全国30强", ("30强", 30, "rank", "at_most")),
    ("规模工业增加值增幅已经连续9年保持全省前3", ("前3", 3, "rank", "at_most")),
    ("增速连续八年保持全省前三", ("前三", 3, "rank", "at_most")),
    ("江铜集团营业收入达到5562.1亿元、居世界500强第171位", ("第171位", 171, "rank", "exact")),
    ("进入全国“2022先进制造业百强市”名单，位列77位", ("77位", 77, "rank", "exact")),
    ("全市有18项企业单项产品市场占有率居全国行业前十", ("前十", 10, "rank", "at_most")),
    ("新增示范企业123家，分列全省第一、第二", ("第二", 2, "rank", "exact")),
    ("主要经济指标持续站稳全省第一方阵", ("第一", 1, "rank", "exact")),
])
def test_ranks(zh, expected):
    m = find_numbers(zh)[-1]
    assert (m.text, m.value, m.unit, m.qualifier) == expected


def test_ordinals_that_are_not_ranks():
    assert [(m.text, m.unit) for m in find_numbers("第9期（总第339期）")] == [("第9期", None), ("第339期", None)]
    assert [(m.text, m.unit) for m in find_numbers("成为全市第二个千亿产业")] == [("第二个", None), ("千亿", None)]
    assert [(m.text, m.unit) for m in find_numbers("安排两位市领导分管工业")] == [("两位", "person")]


# -- what is not a number --------------------------------------------------------------------------
@pytest.mark.parametrize("zh", [
    "一是树导向，进一步夯实“四图五清单”基础",
    "坚持“三突出两强化”，万物互联，两化融合，对企业开展“零增地”技改",
    "N95口罩、AC313大型民用直升机、5G基站、4G+1G",
    "本刊邮箱: jasgxjzhk@163.com联系电话: 0796-8251866",
    "产业保持两位数、上半年、半边天",
])
def test_words_and_identifiers_are_not_numbers(zh):
    assert find_numbers(zh) == []


def test_fractions_and_chinese_percent():
    assert [(m.text, m.value) for m in find_numbers("三分之二，百分之五十")] == [
        ("三分之二", pytest.approx(2 / 3)), ("百分之五十", 50)]
    assert find_numbers("百分之五十")[0].unit == "percent"
    assert [m.value for m in find_numbers("2020/11")] == [2020, 11]  # not a fraction


# -- english_numbers -------------------------------------------------------------------------------
@pytest.mark.parametrize("en, value", [
    ("operating revenue of 103.13 billion yuan", 103.13e9),
    ("5.638 billion kWh", 5.638e9),
    ("1 million yuan", 1e6),
    ("520,000 enterprise visits", 520000),
    ("10.8 trillion yuan", 10.8e12),
    ("10-billion-yuan enterprises", 1e10),
    ("the \"trillion-yuan club\"", 1e12),
    ("two city leaders", 2),
    ("twenty-three sectors", 23),
    ("a hundred events", 100),
    ("one hundred and seventy-first", 171),
    ("three hundred thousand", 3e5),
    ("first in the province", 1),
    ("2nd in the country", 2),
    ("its twelfth place", 12),
    ("grew by 3.6 percent", 3.6),
    ("down 2.4%", 2.4),
    ("half of the target", 0.5),
    ("two thirds of the arrears", 2 / 3),
    ("From January to September", 9),
    ("in May last year", 5),
    ("9:00–9:45 a.m.", 9.75),
    ("2/3 or more", 2 / 3),
    ("both bases", 2),
    ("the Two Centenary Goals", 100),
])
def test_english_numbers(en, value):
    assert any(v == pytest.approx(value) for v in english_numbers(en))


def test_english_numbers_keeps_numbers_apart():
    assert english_numbers("from January to September") == [1, 9]
    assert english_numbers("two three") == [2, 3]
    assert english_numbers("twenty-first") == [21]
    assert english_numbers("May I ask a question?") == []  # the modal, not the month
    assert english_numbers("No numbers here.") == []


# -- same_value ------------------------------------------------------------------------------------
def _mention(zh: str) -> NumberMention:
    return find_numbers(zh)[0]


@pytest.mark.parametrize("zh, en", [
    ("1031.3亿元", "103.13 billion yuan"),
    ("56.38亿千瓦时", "5.638 billion kWh"),
    ("100万元", "1 million yuan"),
    ("1.08万亿元", "1.08 trillion yuan"),
    ("50万元", "500,000 yuan"),
    ("同比-2.4%", "down 2.4% year on year"),
    ("1-9月", "from January to September"),
    ("2020年", "in 2020"),
    ("全省第一", "first in the province"),
    ("10.0%", "10%"),
])
def test_same_value(zh, en):
    assert same_value(_mention(zh), english_numbers(en))


@pytest.mark.parametrize("zh, en", [
    ("1031.3亿元", "103.1 billion yuan"),  # rounded
    ("1031.3亿元", "1031.3 yuan"),  # scale lost
    ("1-9月", "in September"),  # one end of the range missing
    ("3.6%", "3.7%"),
])
def test_not_same_value(zh, en):
    assert not same_value(_mention(zh), english_numbers(en))


def test_describe():
    assert describe(1.0313e11) == "103.13 billion"
    assert describe(5.638e9) == "5.638 billion"
    assert describe(1e12 * 10.8) == "10.8 trillion"
    assert describe(520000) == "520,000"
    assert describe(3.6) == "3.6"
    assert describe(-2.4) == "2.4"
