"""The site's two interface languages: every label in both, and which language a hand-written
page is in. (URLs, including the parallel ``en/`` and ``zh/`` trees, are :mod:`.urls`'.)
"""

from __future__ import annotations

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}

# key: (English, Chinese)
_LABELS: dict[str, tuple[str, str]] = {
    # navigation and page titles
    "home": ("Home", "首页"),
    "documents": ("Documents", "文献"),
    "all_documents": ("All documents", "全部文献"),
    "glossary": ("Glossary", "术语表"),
    "entities": ("Entities", "实体索引"),
    "figures": ("Figures", "数据浏览"),
    "quality": ("Data quality", "数据质量"),
    "rules": ("Rule reference", "检查规则"),
    "downloads": ("Downloads", "下载"),
    "search": ("Search", "搜索"),
    "guides": ("Guides", "指南"),
    "reference": ("Reference", "参考"),
    "site_intro": ("Chinese industrial-policy reports in TEI, with an English translation, annotated terms, "
                   "figures and entities, checked like code.",
                   "以 TEI 编码的中国产业政策报告，附英文译文，标注术语、数据与实体，并像代码一样接受检查。"),
    # metadata card
    "title": ("Title", "标题"),
    "publisher": ("Publisher", "发布者"),
    "date": ("Date", "日期"),
    "genre": ("Genre", "体裁"),
    "place": ("Place", "地点"),
    "speakers": ("Speakers", "发言人"),
    "source_file": ("Source file", "来源文件"),
    "translation": ("Translation", "译文"),
    "abstract": ("Abstract", "摘要"),
    "segments": ("Segments", "段落"),
    "annotations": ("Annotations", "标注"),
    "download_tei": ("TEI XML", "TEI XML"),
    "download_yaml": ("annotations YAML", "标注 YAML"),
    "no_annotations": ("no annotation file yet", "暂无标注文件"),
    "reviewed": ("reviewed", "已审校"),
    "checked": ("checked", "已检查"),
    "draft": ("draft", "初稿"),
    "missing": ("missing", "缺失"),
    # how the translation was made (from the header's respStmts and revisionDesc)
    "drafted_by": ("Drafted by", "初稿译者"),
    "translation_method": ("Method", "翻译方式"),
    "method_machine-generated": ("machine-generated", "机器生成"),
    "method_machine-assisted": ("machine-assisted", "机器辅助"),
    "method_human": ("human translation", "人工翻译"),
    "method_unstated": ("not stated in the header", "文献头未说明"),
    "checked_by": ("Checked by", "检查者"),
    "the_translator": ("the translator", "即译者"),
    "revised_by": ("Revised by", "审校者"),
    "not_revised": ("not revised by a second reader", "未经译者以外的审校者修订"),
    "segments_of": ("{n} of {total} segments", "{total} 段中的 {n} 段"),
    "revision_history": ("Revision history", "修订记录"),
    # reading view
    "view": ("View", "视图"),
    "view_both": ("Both", "对照"),
    "view_zh": ("Chinese", "中文"),
    "view_en": ("English", "英文"),
    "show": ("Show", "显示"),
    "editorial_marks": ("editorial marks", "编辑标记"),
    "legend": ("Legend", "图例"),
    "permalink": ("Permalink to this paragraph", "本段永久链接"),
    "cite": ("Cite", "引用"),
    "cite_title": ("Cite this paragraph", "引用本段"),
    "copy": ("Copy", "复制"),
    "copied": ("Copied", "已复制"),
    "corpus_version": ("corpus version", "语料版本"),
    "photo": ("Photo (not reproduced)", "图片（未收录）"),
    "page_break": ("page break in the source", "原文分页处"),
    "source_reading": ("Source reading", "原文"),
    "correction": ("Correction", "校正"),
    "deleted": ("removed", "删除"),
    "added": ("added by the editor", "编者补入"),
    "editorial_note": ("Editorial note", "编者注"),
    "no_translation": ("(no translation yet)", "（尚无译文）"),
    "not_in_english": ("not found in the English", "英文中未找到对应"),
    "proposed": ("proposed (not reviewed)", "建议（未审核）"),
    "note": ("Note", "备注"),
    # annotation types and fields
    "term": ("Term", "术语"),
    "entity": ("Entity", "实体"),
    "figure": ("Figure", "数据"),
    "terms": ("terms", "术语"),
    "figures_lc": ("figures", "数据"),
    "entities_lc": ("entities", "实体"),
    "definition": ("Definition", "定义"),
    "pinyin": ("Pinyin", "拼音"),
    "english": ("English", "英文"),
    "chinese": ("Chinese", "中文"),
    "variants": ("Variants", "异形"),
    "en_variants": ("Also rendered", "其他译法"),
    "forbidden": ("Do not use", "禁用译法"),
    "category": ("Category", "类别"),
    "frequency": ("Frequency", "频次"),
    "occurrences": ("Occurrences", "出现位置"),
    "more_in_search": ("… and {n} more (search for the term)", "……另有 {n} 处（请检索该术语）"),
    "first_occurrence": ("First occurrence", "首次出现"),
    "value": ("Value", "数值"),
    "as_written": ("As written", "原文"),
    "unit": ("Unit", "单位"),
    "indicator": ("Indicator", "指标"),
    "indicators": ("Indicators", "指标"),
    "measure": ("Measure", "度量"),
    "scope": ("Scope", "范围"),
    "period": ("Period", "时期"),
    "qualifier": ("Qualifier", "限定"),
    "type": ("Type", "类型"),
    "names": ("Names", "名称"),
    "aliases": ("Aliases", "别名"),
    "description": ("Description", "说明"),
    "parent": ("Part of", "隶属"),
    "children": ("Includes", "下属"),
    "wikidata": ("Wikidata", "维基数据"),
    "mentions": ("Mentions", "提及"),
    "document": ("Document", "文献"),
    "segment": ("Segment", "段落"),
    "context": ("Context", "上下文"),
    "open_page": ("Open its page", "打开页面"),
    "see_glossary": ("See the glossary", "查看术语表"),
    "count": ("Count", "数量"),
    "chart": ("Chart", "图表"),
    "no_chart": ("Too few comparable figures for a chart.", "可比数据不足，无法绘图。"),
    "none_yet": ("None yet.", "暂无。"),
    # quality and rules
    "findings": ("Open findings", "待处理问题"),
    "conflicts": ("Cross-document figure conflicts", "跨文献数据冲突"),
    "no_conflicts": ("No conflicting figures.", "未发现数据冲突。"),
    "no_findings": ("All checks passed.", "全部检查通过。"),
    "rule_unavailable": ("Rule {code} is not available in this version of duizhao.",
                         "本版本 duizhao 尚无规则 {code}。"),
    "severity": ("Severity", "级别"),
    "error": ("error", "错误"),
    "warning": ("warning", "警告"),
    "file": ("File", "文件"),
    "message": ("Message", "说明"),
    "rule": ("Rule", "规则"),
    "applies_to": ("Checks", "检查对象"),
    "target_tei": ("TEI files", "TEI 文件"),
    "target_yaml": ("YAML files", "YAML 文件"),
    "target_corpus": ("the whole corpus", "整个语料"),
    "rules_intro": ("Every finding of duizhao check links here. Each rule is one module of "
                    "tools/duizhao/check/rules; this page is generated from their docstrings.",
                    "duizhao check 的每条问题都链接到本页。每条规则是 tools/duizhao/check/rules 中的一个模块，本页由其文档字符串生成（规则说明为英文）。"),
    "findings_more": ("… and {n} more: duizhao check lists them all.", "……另有 {n} 条：duizhao check 会全部列出。"),
    "quality_intro": ("What duizhao check reports on the corpus as published.",
                      "duizhao check 对本次发布语料的检查结果。"),
    # evaluation of the recommenders
    "evaluation": ("Suggestion quality", "机器建议评测"),
    "evaluation_intro": ("How well duizhao suggest's recommenders reproduce the accepted annotations, measured by "
                         "duizhao evaluate: each document in turn is held out and annotated as if it were new.",
                         "duizhao evaluate 衡量 duizhao suggest 各推荐器重现已接受标注的程度：每篇文献轮流留出，当作新文献标注。"),
    "evaluation_method": ("Terms and entities match when segment, span and id are equal; figures when they are in the "
                          "same segment, overlap and state the same magnitude (the sign is scored with the value). "
                          "Counts are summed over the held-out documents; stanza is trained on the other documents only.",
                          "术语与实体须段落、位置和编号完全一致才算命中；数据须同段、位置重叠且数值的绝对值相同（正负号随数值一并评分）。"
                          "各留出文献的计数相加；stanza 只用其余文献训练。"),
    "evaluation_missing_title": ("No evaluation yet", "尚无评测结果"),
    "evaluation_missing": ("Run make evaluation (duizhao evaluate, a few minutes) and build the site again.",
                           "运行 make evaluation（即 duizhao evaluate，约需数分钟）后重新构建网站。"),
    "evaluation_unreadable": ("The evaluation report cannot be read", "评测报告无法读取"),
    "evaluation_stale_title": ("Computed on earlier annotations", "基于较早的标注"),
    "evaluation_stale": ("The corpus or the annotations have changed since this evaluation; run make evaluation "
                         "to bring it up to date.", "此次评测之后语料或标注已有改动；运行 make evaluation 可更新结果。"),
    "evaluated_on": ("{n} held-out documents", "留出文献 {n} 篇"),
    "generated_at": ("computed", "计算时间"),
    "evaluation_results": ("Precision, recall and F1", "精确率、召回率与 F1"),
    "recommender": ("Recommender", "推荐器"),
    "annotation_type": ("Type", "类型"),
    "precision": ("precision", "精确率"),
    "recall": ("recall", "召回率"),
    "true_positives": ("true positives", "正确建议"),
    "false_positives": ("false positives", "错误建议"),
    "false_negatives": ("false negatives (missed)", "遗漏"),
    "atype_term": ("terms", "术语"),
    "atype_entity": ("entities", "实体"),
    "atype_figure": ("figures", "数据"),
    "stanza_loses": ("On entities in the registry stanza loses to the gazetteer: F1 {stanza} against {gazetteer}.",
                     "对登记在册的实体，stanza 不如词表匹配：F1 {stanza} 对 {gazetteer}。"),
    "stanza_wins": ("On entities in the registry stanza beats the gazetteer: F1 {stanza} against {gazetteer}.",
                    "对登记在册的实体，stanza 优于词表匹配：F1 {stanza} 对 {gazetteer}。"),
    "target_met": ("target met", "达标"),
    "target_missed": ("target missed", "未达标"),
    "figures_target": ("Figures recommender: recall ≥ {recall} at precision ≥ {precision} wanted; achieved recall "
                       "{recall_achieved}, precision {precision_achieved}.",
                       "数据推荐器目标：精确率不低于 {precision} 时召回率不低于 {recall}；实际召回率 {recall_achieved}，"
                       "精确率 {precision_achieved}。"),
    "absent_entities": ("Entities absent from the registry", "未登记的实体"),
    "absent_entities_intro": ("In each fold the entities that no training document mentions ({entities} entities, "
                              "{mentions} mentions in all) are removed from the registry: the gazetteer cannot find "
                              "them, a model that learns may.",
                              "每一轮都从登记表中移除训练文献未提及的实体（共 {entities} 个实体、{mentions} 处提及）："
                              "词表匹配无法找到它们，可学习的模型则有可能。"),
    "figure_attributes": ("Figure attributes", "数据属性"),
    "figure_attributes_intro": ("For each attribute of figures contract v2, the share of matched figures where the figures "
                                "recommender proposes what the accepted annotation says (value with its sign; a missing "
                                "scale, qualifier or modality counts as 1, exact, actual). Most figures have no rank_of, "
                                "per or benchmark: the last two columns count only the figures where the annotation or "
                                "the proposal gives the attribute.",
                                "对数据合约第 2 版的每个属性，在命中的数据中，数据推荐器的建议与已接受标注一致的比例（数值连同正负号；"
                                "未写的 scale、qualifier、modality 分别按 1、exact、actual 计）。多数数据没有 rank_of、per 或 "
                                "benchmark：最后两列只统计标注或建议给出该属性的数据。"),
    "attribute": ("Attribute", "属性"),
    "accuracy": ("Accuracy", "正确率"),
    "right_of_matched": ("Right / matched", "正确 / 命中"),
    "stated_accuracy": ("Accuracy where stated", "有值时正确率"),
    "right_of_stated": ("Right / stated", "正确 / 有值"),
    "new_candidates": ("New entity candidates", "新实体候选"),
    "new_candidates_intro": ("stanza proposed {n} mentions of names that are not in the registry; the most frequent "
                             "are listed for annotators to review.",
                             "stanza 提出了 {n} 处未登记名称的提及；下表列出最常见者，供标注者审阅。"),
    "candidate": ("Candidate", "候选"),
    "entity_type": ("Entity type", "实体类型"),
    "speed": ("Speed, characters per second", "速度（字符/秒）"),
    # downloads and search
    "datasets": ("Datasets", "数据集"),
    "per_document": ("Per document", "单篇文献"),
    "format": ("Format", "格式"),
    # downloads, for readers (one per dataset; the format says the rest)
    "dataset_annotations": ("Every published annotation (term, figure, entity) with its document, segment, quoted text "
                            "and character offsets in the segment's Chinese text; w3c: as a W3C Web Annotation collection.",
                            "全部已发布标注（术语、数据、实体），含所在文献、段落、引文及其在段落中文文本中的字符位置；w3c 为 W3C Web Annotation 格式。"),
    "dataset_documents": ("One row per document: titles, publisher, date (with its certainty), genre, place, source file, "
                          "translation status and how the translation was made (translator, method, reviser).",
                          "每篇文献一行：标题、发布者、日期（及其确定程度）、体裁、地点、来源文件、译文状态及译文产生方式（译者、翻译方式、审校者）。"),
    "dataset_entities": ("The entity registry: people, organisations, companies, places, programmes, documents and events "
                         "with their Chinese and English names, aliases and mentions.",
                         "实体登记表：人物、机构、企业、地点、计划、文件与事件的中英文名称、别名与提及次数。"),
    "dataset_figures": ("Every figure as data: value as the interval it states (low, high), unit, scale, measure, modality, "
                        "indicator, scope and period, with the text it was read from.",
                        "全部数据：以区间（下限、上限）表示的数值、单位、量级、度量、数据性质、指标、范围与时期，附原文。"),
    "dataset_glossary": ("The glossary: Chinese terms, English renderings, variants, renderings to avoid, definitions and "
                         "categories; tbx: for translation tools.",
                         "术语表：中文术语、英文译法、异形、禁用译法、定义与类别；tbx 格式可导入翻译工具。"),
    "dataset_indicators": ("The indicators figures are filed under, with their definitions and default units.",
                           "数据所属的指标及其定义与默认单位。"),
    "dataset_segments": ("Every segment in Chinese and English with its translation status, translator and reviser; "
                         "tmx: a translation memory.",
                         "全部段落的中英文本及译文状态、译者与审校者；tmx 为翻译记忆库格式。"),
    "palette_dark": ("Switch to the dark palette", "切换到深色配色"),
    "palette_light": ("Switch to the light palette", "切换到浅色配色"),
    "size": ("Size", "大小"),
    "file": ("File", "文件"),
    "checksum": ("SHA-256", "SHA-256 校验值"),
    "release": ("Release", "版本"),
    "release_version": ("Corpus release {version}, published {date}.", "语料版本 {version}，发布于 {date}。"),
    "release_none": ("Unreleased: no version of the corpus has been released yet; the files below are those of this "
                     "build ({version}).", "未发布：语料尚未发布正式版本；以下文件为本次构建（{version}）所生成。"),
    "checksum_note": ("Each file's SHA-256 checksum lets you verify the file you downloaded (sha256sum).",
                      "每个文件均附 SHA-256 校验值，可用 sha256sum 核对下载的文件。"),
    "dataset_about": ("Chinese reports on Jiangxi industrial policy with an aligned English translation, encoded in "
                      "TEI, with terms, figures and entities annotated; exported as CSV, JSON, TMX and TBX.",
                      "江西产业政策中文报告及其逐段对齐的英文译文，以 TEI 编码，标注术语、数据与实体；导出为 CSV、JSON、TMX 与 TBX。"),
    "downloads_intro": ("Every dataset is exported from the same sources at build time by duizhao export.",
                        "所有数据集均在构建时由 duizhao export 从同一来源导出。"),
    "search_placeholder": ("Search in Chinese or English", "输入中文或英文检索"),
    "search_hint": ("Chinese queries search the Chinese text (segmented with the glossary and entity names "
                    "as a dictionary); other queries search the English.",
                    "中文检索词在中文原文中检索（以术语表和实体名称为词典分词）；其他检索词在英文译文中检索。"),
    "no_results": ("No results.", "无结果。"),
    "more_results": ("More results", "更多结果"),
    "results": ("{n} result(s)", "共 {n} 条结果"),
    "search_unavailable": ("Search needs JavaScript.", "检索需要启用 JavaScript。"),
    "genre_newsletter": ("newsletter", "简报"),
    "genre_news-report": ("news report", "新闻报道"),
    "genre_online-interview": ("online interview", "在线访谈"),
    "genre_annual-review": ("annual review", "年度综述"),
    "genre_press-conference": ("press conference", "新闻发布会"),
    "etype_person": ("People", "人物"),
    "etype_org": ("Organisations", "机构"),
    "etype_company": ("Companies", "企业"),
    "etype_place": ("Places", "地点"),
    "etype_programme": ("Programmes", "计划与行动"),
    "etype_document": ("Documents", "文件"),
    "etype_event": ("Events", "事件"),
    "measure_level": ("level", "数值"),
    "measure_growth_yoy": ("year-on-year growth", "同比增长"),
    "measure_growth": ("growth", "增长"),
    "measure_share": ("share", "占比"),
    "measure_rank": ("rank", "排名"),
    "measure_target": ("target", "目标"),
    "measure_change": ("change", "变化"),
    "measure_ratio": ("ratio", "比率"),
    "measure_gap": ("gap to a benchmark", "与基准之差"),
    "measure_average": ("average per item", "平均值"),
    "measure_duration": ("duration", "持续时长"),
    "qualifier_exact": ("exact", "确数"),
    "qualifier_approx": ("about", "约"),
    "qualifier_at_least": ("at least", "不少于"),
    "qualifier_more_than": ("more than", "超过"),
    "qualifier_less_than": ("less than", "不足"),
    "qualifier_at_most": ("at most", "不超过"),
    "qualifier_range": ("range", "区间"),
    # figures contract v2: modality, what a rank, average or gap is of, and the charts
    "modality": ("Modality", "数据性质"),
    "modality_actual": ("actual", "实际值"),
    "modality_forecast": ("forecast", "预计值"),
    "modality_target": ("target", "目标值"),
    "modality_threshold": ("threshold", "门槛值"),
    "rank_of": ("ranked by", "排名依据"),
    "rank_among": ("ranked among", "排名范围"),
    "per": ("per", "平均单位"),
    "benchmark": ("compared with", "比较基准"),
    "colon": (": ", "："),
    "rank_value": ("No. {n}", "第{n}位"),
    "rank_chart": ("rank by {what}", "{what}排名"),
    "by_modality": ("By modality", "按性质"),
    "how_coded": ("How figures are coded: the annotation guideline", "数据如何标注：见标注规范"),
    "figures_intro": ("Every figure annotated in the corpus, by indicator. Whether a figure happened (actual), is "
                      "expected (forecast), is a goal (target) or is a class boundary (threshold) is its modality; "
                      "the downloads give every figure with the interval it states.",
                      "语料中标注的全部数据，按指标归类。数据是已发生的（实际值）、预期的（预计值）、设定的目标（目标值），"
                      "还是分类界限（门槛值），即其“数据性质”；下载的数据集给出每项数据所表示的区间。"),
    "charts_intro": ("One chart per measure and unit. A line joins only consecutive periods of one series: the same "
                     "scope, modality and period length; a missing period breaks it. Actual figures are filled with "
                     "solid lines, forecasts hollow and dashed, targets hollow and dotted; a whisker points to the "
                     "open side of a bound (more than, at least) or spans a range.",
                     "每个度量与单位一张图。折线只连接同一序列中相邻的时期：范围、数据性质和时期长度都相同；中间缺一期即断开。"
                     "实际值为实心点、实线，预计值为空心点、虚线，目标值为空心点、点线；须线指向界限的开放一侧"
                     "（超过、不少于），或覆盖一个区间。"),
    "thresholds_not_charted": ("Thresholds (class boundaries such as 亿元以上) are listed in the table, not charted.",
                               "门槛值（如“亿元以上”这类分类界限）只在表中列出，不绘入图表。"),
    "length_years": ("full years", "年度"),
    "length_n_years": ("{n}-year periods", "{n}年期"),
    "length_months": ("months", "月度"),
    "length_n_months": ("{n}-month periods", "{n}个月期"),
    "length_days": ("dates", "时点"),
    "length_n_days": ("{n}-day periods", "{n}天期"),
    # reader's site (issue 14): descriptions, indexes, tables, citations
    "text": ("Text", "正文"),
    "documents_intro": ("Every document of the corpus: date, title, genre, place, translation and annotations.",
                        "语料中的全部文献：日期、标题、体裁、地点、译文与标注。"),
    "glossary_intro": ("{n} Chinese policy terms with their English renderings, pinyin, definitions and every "
                       "occurrence in the corpus.", "{n} 条中文政策术语，附英文译法、拼音、定义及其在语料中的全部出现位置。"),
    "entities_intro": ("{n} people, organisations, companies, places, programmes, documents and events named in the "
                       "corpus, with every mention.", "语料提及的 {n} 个人物、机构、企业、地点、计划、文件与事件，附全部提及。"),
    "entity_about": ("{name}: {n} mentions in the corpus, in Chinese and English.", "{name}：语料中的 {n} 处提及（中英对照）。"),
    "indicator_about": ("{name}: every figure of this indicator in the corpus, charted and tabled.",
                        "{name}：语料中该指标的全部数据，附图表。"),
    "filter_terms": ("Filter terms", "筛选术语"),
    "all_categories": ("all categories", "全部类别"),
    "shown_of": ("{n} of {total} shown", "显示 {n} / {total} 条"),
    "no_match": ("Nothing matches the filter.", "没有符合筛选条件的条目。"),
    "jump_en": ("Jump to a letter (A–Z of the English)", "按英文首字母跳转"),
    "jump_zh": ("Jump to a letter (A–Z of the pinyin)", "按拼音首字母跳转"),
    "licence_data": ("CC BY 4.0", "CC BY 4.0 许可"),
    "licence": ("Licence", "许可"),
    "licence_text": ("The encoding, the English translation and the annotations are published under CC BY 4.0: reuse "
                     "them freely, citing the corpus and its version. The source texts remain © their publishers and "
                     "are reproduced for research.",
                     "编码、英文译文与标注以 CC BY 4.0 许可发布：可自由复用，请注明本语料及其版本。原始文本版权归原发布者所有，"
                     "仅为研究目的收录。"),
    "cite_version": ("Cite the corpus version {version}{date}.", "引用时请注明语料版本 {version}{date}。"),
    "category_economic-concept": ("economic concept", "经济概念"),
    "category_policy-mechanism": ("policy mechanism", "政策机制"),
    "category_statistical-concept": ("statistical concept", "统计概念"),
    "category_slogan": ("slogan", "口号"),
    "category_numbered-formula": ("numbered formula", "数字概括语"),
    "category_honour": ("honour", "荣誉称号"),
    "category_organisation-type": ("type of organisation", "机构类型"),
    "category_zone-type": ("type of zone", "园区类型"),
    "category_programme": ("programme", "计划与行动"),
    "category_period": ("period", "时期"),
    "kind_document": ("document", "文献"),
    "kind_segment": ("paragraph", "段落"),
    "kind_term": ("term", "术语"),
    "kind_entity": ("entity", "实体"),
    "kind_indicator": ("indicator", "指标"),
    # read by duizhao.js and search.js (script_labels)
    "filter_rows": ("Filter rows", "筛选行"),
    "download_shown_csv": ("CSV of the rows shown", "下载所示行（CSV）"),
    "rows_shown": ("{n} of {total} rows", "{n} / {total} 行"),
    "sort_by": ("Sort by {column}", "按{column}排序"),
    "cite_document": ("The whole document", "整篇文献"),
    "cite_segment": ("This paragraph", "本段"),
    "citation": ("Citation", "引文"),
    "close": ("Close", "关闭"),
    "accessed": ("accessed", "访问日期"),
    "translated_by": ("translated by", "翻译"),
    "in_corpus": ("In", "收录于"),
    "tooltip_links": ("Links of this note", "注释中的链接"),
    "paragraph_of": ("paragraph {seg}", "第 {seg} 段"),
    "results_in": ("{n} paragraph(s)", "{n} 段"),
}

SCRIPT_LABELS = ("filter_rows", "download_shown_csv", "rows_shown", "sort_by", "cite_title", "cite_document",
                 "cite_segment", "citation", "copy", "copied", "close", "accessed", "translated_by", "in_corpus",
                 "corpus_version", "segment", "licence", "results", "no_results", "more_results", "results_in",
                 "paragraph_of", "kind_document", "kind_segment", "kind_term", "kind_entity", "kind_indicator",
                 "shown_of", "tooltip_links", "format", "palette_dark", "palette_light")


def script_labels(lang: str) -> dict[str, str]:
    """The labels the site's scripts show, in ``lang`` (published in each page's head)."""
    return {key: t(key, lang) for key in SCRIPT_LABELS}

# units: how a normalised value is written after the number
UNITS: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage_point": ("percentage points", "个百分点"),
    "cny": ("yuan", "元"),
    "usd": ("US dollars", "美元"),
    "count": ("", "个"),
    "kwh": ("kWh", "千瓦时"),
    "m2": ("m²", "平方米"),
    "km2": ("km²", "平方公里"),
    "rank": ("(rank)", "（名次）"),
    "person": ("people", "人"),
    "person_time": ("person-times", "人次"),
    "times": ("times", "倍"),
    "ratio": ("", ""),
    "yuan_per_100_yuan": ("yuan per 100 yuan", "元/百元"),
    "ms": ("ms", "毫秒"),
    "year": ("years", "年"),
    "month": ("months", "个月"),
    "day": ("days", "天"),
    "item": ("items", "项"),
    "enterprise": ("enterprises", "家企业"),
    "project": ("projects", "个项目"),
    "base_station": ("base stations", "个基站"),
    "device_per_km2": ("devices per km²", "个/平方公里"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (the key itself if there is none: visible, never a crash)."""
    pair = _LABELS.get(key)
    text = key if pair is None else pair[LANGS.index(lang)]
    return text.format(**values) if values else text


def unit_label(unit: str | None, lang: str) -> str:
    pair = UNITS.get(unit or "")
    return (pair[LANGS.index(lang)] if pair else unit or "")


# A hand-written page ``site/x.md`` is English; ``site/x.zh.md``, next to it, is its Chinese version.
TRANSLATION_SUFFIX = {"zh": ".zh"}


def hand_written_lang(src_uri: str) -> str:
    """The language of a hand-written page, from its file name (``guide/annotation.zh.md``: zh)."""
    stem = src_uri.removesuffix(".md")
    return next((lang for lang, suffix in TRANSLATION_SUFFIX.items() if stem.endswith(suffix)), "en")


def translation_src(src_uri: str, lang: str) -> str:
    """The file of the hand-written page ``src_uri`` in ``lang`` (it may not exist)."""
    stem = src_uri.removesuffix(".md").removesuffix(TRANSLATION_SUFFIX.get(hand_written_lang(src_uri), ""))
    return f"{stem}{TRANSLATION_SUFFIX.get(lang, '')}.md"


def other(lang: str) -> str:
    return "zh" if lang == "en" else "en"
