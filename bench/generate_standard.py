#!/usr/bin/env python3
"""Generate a large, realistic standard in bzc's Markdown DSL for benchmarking.

Deterministic (fixed seed), no network, Python 3 standard library only.

    python3 bench/generate_standard.py [--size-kb 300] [--seed 20240601] [-o bench/out/standard.md]

The output has front matter, 引言, 范围, 规范性引用文件 (every entry cited in the
text), 术语和定义 (~60 entries), ~20 technical chapters with clauses down to the
fourth level, Chinese provisions (应/宜/可/不应), dash and numbered lists, 注 and
示例 (also as block quotes), GFM tables with captions and ids, display formulas
with 式中, figures (a tiny PNG written next to the source), footnotes,
cross-references to chapters, clauses, terms, tables, figures, formulas and
annexes, three annexes and a 参考文献. It checks clean with `bzc check`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import struct
import sys
import zlib

# ------------------------------------------------------------------ vocabulary

SUBJECTS = [
    "运行维护单位", "管理单位", "使用单位", "建设单位", "检测机构", "设计单位", "施工单位", "监理单位",
    "主管部门", "供水企业", "物业服务企业", "技术负责人", "安全管理人员", "操作人员", "巡检人员", "值班人员",
]
MODALS = ["应"] * 12 + ["宜"] * 4 + ["可"] * 2 + ["不应"] * 2
QUALIFIERS = [
    "根据设施的运行状况", "结合本单位的实际情况", "在每季度结束前", "按照批准的年度计划", "在投入使用前",
    "在日常巡检中", "在设备检修完成后", "按规定的周期", "在汛期到来之前", "在极端天气条件下",
    "在发现异常情况时", "会同有关部门", "依据风险评估结果", "在工程竣工验收时", "在交接班时",
    "采用信息化手段", "在不影响正常供水的前提下", "对照设计文件",
]
VERBS = [
    "建立", "制定", "定期检查", "配备", "妥善保存", "校准", "评估", "记录", "更新", "核查", "组织演练",
    "公开", "报送", "复核", "维护", "标识", "清洗消毒", "检测", "整改", "归档",
]
OBJECTS = [
    "设备运行台账", "应急预案", "巡检记录", "计量器具", "水质检测报告", "管网地理信息数据", "安全操作规程",
    "备品备件清单", "阀门启闭记录", "泵站运行参数", "二次供水设施", "消毒设备", "在线监测仪表", "维修作业票",
    "人员培训档案", "隐患排查清单", "压力监测点", "漏损控制方案", "用户投诉处理记录", "能耗统计报表",
    "蓄水池和水箱", "电气控制柜", "防护设施", "警示标志", "作业安全措施",
]
CONNECTORS = ["，并", "，同时", "，必要时", "，且", "后", "，及时"]
TAILS = [
    "，确保数据真实、准确、完整", "，保证设施处于良好的运行状态", "，防止发生二次污染",
    "，记录保存期限不少于3年", "，发现问题及时处理", "，满足安全生产的要求", "，做到责任明确、流程清晰",
    "，相关记录可追溯", "", "", "",
]
# A quantity with its unit symbol and a plausible range (tenths).
QUANTITIES = [
    ("出水压力", "MPa", (1, 8)), ("设计流量", "m^3^/h", (50, 9000)), ("余氯浓度", "mg/L", (3, 40)),
    ("水温", "℃", (40, 300)), ("额定功率", "kW", (50, 3000)), ("管径", "mm", (500, 12000)),
    ("连续运行时间", "h", (10, 720)), ("漏损率", "%", (10, 120)), ("浑浊度", "NTU", (1, 10)),
    ("检修周期", "d", (70, 3650)), ("扬程", "m", (50, 1500)), ("液位", "m", (5, 80)),
    ("电流", "A", (10, 4000)), ("振动速度", "mm/s", (5, 71)),
]

CHAPTER_TOPICS = [
    "基本规定", "组织与人员", "设施设备管理", "取水与净水", "输配水管网", "二次供水设施", "泵站运行",
    "水质管理", "计量与漏损控制", "安全管理", "应急管理", "信息化管理", "节能降耗", "档案管理",
    "检测与评价", "维修与改造", "服务质量", "环境保护", "监督检查", "持续改进", "用户服务", "风险管理",
    "供水调度", "物资管理",
]
CLAUSE_TOPICS = [
    "一般要求", "职责分工", "运行监测", "日常巡检", "定期检测", "维护保养", "故障处理", "记录与报告",
    "技术要求", "配置要求", "操作要求", "安全防护", "质量控制", "检查方法", "评价指标", "人员要求",
    "作业流程", "交接管理", "资料管理", "预防措施", "验收要求", "标识管理", "数据管理", "培训要求",
    "外包管理", "考核要求", "设备选型", "运行参数", "清洗消毒", "停水管理",
]

TERM_HEADS = [
    ("供水", "water supply"), ("管网", "pipe network"), ("泵站", "pumping station"), ("水质", "water quality"),
    ("二次供水", "secondary water supply"), ("计量", "metering"), ("漏损", "leakage"), ("调度", "dispatching"),
    ("消毒", "disinfection"), ("巡检", "patrol inspection"), ("应急", "emergency"), ("阀门", "valve"),
    ("水箱", "water tank"), ("压力", "pressure"),
]
TERM_TAILS = [
    ("设施", "facility"), ("系统", "system"), ("单元", "unit"), ("监测点", "monitoring point"),
    ("记录", "record"), ("方案", "plan"), ("周期", "cycle"), ("指标", "indicator"), ("区域", "zone"),
    ("作业", "operation"),
]
DEFINITION_GENUS = ["设施", "活动", "过程", "文件", "装置", "区域", "数值", "方法"]

STANDARDS = [
    ("GB 5749", "生活饮用水卫生标准"), ("GB 17051", "二次供水设施卫生规范"),
    ("GB/T 5750.1", "生活饮用水标准检验方法　第1部分：总则"), ("GB/T 13016", "标准体系构建原则和要求"),
    ("GB/T 17219", "生活饮用水输配水设备及防护材料的安全性评价标准"), ("GB/T 18920", "城市污水再生利用　城市杂用水水质"),
    ("GB/T 24001", "环境管理体系　要求及使用指南"), ("GB/T 29639", "生产经营单位生产安全事故应急预案编制导则"),
    ("GB/T 33000", "企业安全生产标准化基本规范"), ("GB/T 45001", "职业健康安全管理体系　要求及使用指南"),
    ("GB 50013", "室外给水设计标准"), ("GB 50015", "建筑给水排水设计标准"), ("GB 50268", "给水排水管道工程施工及验收规范"),
    ("GB/T 19001", "质量管理体系　要求"), ("GB/T 23331", "能源管理体系　要求及使用指南"),
    ("GB/T 2893.1", "图形符号　安全色和安全标志　第1部分：安全标志和安全标记的设计原则"),
    ("GB/T 12452", "水平衡测试通则"), ("GB/T 32150", "工业企业温室气体排放核算和报告通则"),
    ("GB/T 20000.1", "标准化工作指南　第1部分：标准化和相关活动的通用术语"),
    ("GB/T 34060", "蒸发冷却制冷系统工程技术规范"), ("GB/T 36551", "同步数字体系（SDH）设备功能要求"),
    ("GB/T 39562", "城镇供水管网漏损控制及评定标准"),
]

def national_order(entry):
    """GB/T 1.1—2020 8.6: GB, GB/T and GB/Z together, by sequence number, then part."""
    code = entry[0].split("—")[0]
    prefix, number = code.split(" ")
    return ([int(n) for n in number.split(".")], prefix)


FORMULAS = [
    (r"Q = \frac{V}{t}", [("Q", "平均流量", "m^3^/h"), ("V", "计量周期内的供水量", "m^3^"), ("t", "计量周期", "h")]),
    (r"\eta = \frac{W_{\mathrm{s}} - W_{\mathrm{b}}}{W_{\mathrm{s}}} \times 100\%",
     [("\\eta", "漏损率", "%"), ("W_{\\mathrm{s}}", "供水总量", "m^3^"), ("W_{\\mathrm{b}}", "注册用户用水量", "m^3^")]),
    (r"p = \rho g H \times 10^{-6}", [("p", "压力", "MPa"), ("\\rho", "水的密度", "kg/m^3^"),
                                       ("g", "重力加速度", "m/s^2^"), ("H", "水头", "m")]),
    (r"E = \sum_{i=1}^{n} P_i t_i", [("E", "统计期内的用电量", "kWh"), ("P_i", "第$i$台设备的功率", "kW"),
                                     ("t_i", "第$i$台设备的运行时间", "h"), ("n", "设备台数", "")]),
    (r"C_t = C_0 e^{-kt}", [("C_t", "时间$t$时的余氯浓度", "mg/L"), ("C_0", "初始余氯浓度", "mg/L"),
                             ("k", "衰减系数", "h^-1^"), ("t", "停留时间", "h")]),
    (r"R = \frac{N_{\mathrm{q}}}{N} \times 100\%",
     [("R", "水质综合合格率", "%"), ("N_{\\mathrm{q}}", "合格样品数", ""), ("N", "检测样品总数", "")]),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


class Writer:
    """Collects the document; `ref(kind)` leaves a placeholder resolved at the end
    (so that references may point forward as well as back)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.parts: list[str] = []
        self.size = 0
        self.ids: dict[str, list[str]] = {k: [] for k in
                                          ("chapter", "clause", "term", "table", "figure", "formula", "annex")}
        self.counter = 0

    def emit(self, text: str = "") -> None:
        self.parts.append(text + "\n")
        self.size += len(text.encode("utf-8")) + 1

    def new_id(self, kind: str, stem: str) -> str:
        self.counter += 1
        ident = f"{stem}-{self.counter}"
        self.ids[kind].append(ident)
        return ident

    @staticmethod
    def ref(kind: str) -> str:
        return f"\x00{kind}\x00"

    def text(self) -> str:
        body = "".join(self.parts)

        def resolve(m: re.Match) -> str:
            choices = self.ids[m.group(1)]
            return f"[](#{self.rng.choice(choices)})"

        return re.sub(r"\x00(\w+)\x00", resolve, body)


class Generator:
    def __init__(self, size_kb: int, seed: int, image_path: str):
        self.rng = random.Random(seed)
        self.w = Writer(self.rng)
        self.target = size_kb * 1024
        self.image_path = image_path
        self.footnotes = 0
        self.pending_footnote = None
        scale = max(size_kb / 300.0, 0.05)
        self.chapters = max(3, round(20 * scale))
        self.term_count = max(6, round(60 * scale))
        n_refs = max(4, min(len(STANDARDS) - 4, round(12 * scale)))
        picked = self.rng.sample(STANDARDS, n_refs + 4)
        # Normative references: some dated, some undated; cited exactly as listed.
        self.normative = []
        for i, (code, title) in enumerate(picked[:n_refs]):
            dated = i % 3 != 0
            self.normative.append((f"{code}—{self.rng.randint(2006, 2022)}" if dated else code, title))
        self.informative = [(f"{c}—{self.rng.randint(2006, 2022)}", t) for c, t in picked[n_refs:]]
        self.uncited = list(range(len(self.normative)))

    # ------------------------------------------------------------ sentences

    def pick(self, seq):
        return self.rng.choice(seq)

    def provision(self, cite_ok: bool = True, ref_ok: bool = True) -> str:
        r = self.rng.random()
        s = f"{self.pick(SUBJECTS)}{self.pick(MODALS)}{self.pick(QUALIFIERS)}{self.pick(VERBS)}{self.pick(OBJECTS)}"
        if r < 0.45:
            s += f"{self.pick(CONNECTORS)}{self.pick(VERBS)}{self.pick(OBJECTS)}"
        s += self.pick(TAILS)
        if cite_ok and self.rng.random() < 0.10:
            s += f"，其要求应符合{self.citation()}的规定"
        elif ref_ok and self.rng.random() < 0.16:
            s += self.xref_phrase()
        elif self.rng.random() < 0.14:
            s += f"，{self.measure(self.pick(['不应低于', '不应高于', '宜控制在']))}"
        return s + "。"

    def measure(self, relation: str) -> str:
        name, unit, (lo, hi) = self.pick(QUANTITIES)
        space = "" if unit in ("%", "℃") else " "
        return f"{name}{relation}{self.rng.randint(lo, hi) / 10:g}{space}{unit}"

    def citation(self) -> str:
        if self.uncited:
            i = self.uncited.pop(0)
        else:
            i = self.rng.randrange(len(self.normative))
        return self.normative[i][0]

    def xref_phrase(self) -> str:
        kind = self.rng.choices(["clause", "chapter", "table", "figure", "formula", "annex", "term"],
                                weights=[6, 2, 3, 2, 2, 2, 2])[0]
        ref = Writer.ref(kind)
        return {
            "clause": f"，具体要求见{ref}",
            "chapter": f"，并满足{ref}的相关规定",
            "table": f"，相关参数见{ref}",
            "figure": f"，流程见{ref}",
            "formula": f"，计算方法按{ref}",
            "annex": f"，方法见{ref}",
            "term": f"（术语见{ref}）",
        }[kind]

    def paragraph(self, sentences: tuple[int, int] = (2, 5)) -> str:
        parts = [self.provision() for _ in range(self.rng.randint(*sentences))]
        if self.rng.random() < 0.08:
            parts.append(f"水中余氯以Cl~2~计，出厂水中{self.pick(['游离氯', '总氯'])}浓度不宜低于 0.3 mg/L。")
        text = "".join(parts)
        if self.rng.random() < 0.06:
            self.footnotes += 1
            label = f"fn{self.footnotes}"
            text += f"[^{label}]"
            self.pending_footnote = (label, f"{self.pick(OBJECTS)}的格式由{self.pick(SUBJECTS)}统一制定。")
        # Some authors wrap long lines; soft breaks fall between Chinese characters.
        if self.rng.random() < 0.3 and len(text) > 80:
            cut = text.find("。", 40)
            if 0 < cut < len(text) - 1 and text[cut + 1] not in "[":
                text = text[: cut + 1] + "\n" + text[cut + 1:]
        return text

    # --------------------------------------------------------------- blocks

    def emit_paragraph(self, text: str | None = None) -> None:
        self.pending_footnote = None
        self.w.emit(text if text is not None else self.paragraph())
        self.w.emit()
        if self.pending_footnote:
            label, content = self.pending_footnote
            self.w.emit(f"[^{label}]: {content}")
            self.w.emit()
            self.pending_footnote = None

    def emit_list(self) -> None:
        ordered = self.rng.random() < 0.45
        self.w.emit(f"{self.pick(SUBJECTS)}{self.pick(['应', '宜'])}{self.pick(VERBS)}{self.pick(OBJECTS)}，"
                    f"并{self.pick(['符合下列要求', '包括下列内容', '采取下列措施'])}：")
        self.w.emit()
        n = self.rng.randint(3, 7)
        for i in range(n):
            end = "。" if i == n - 1 else "；"
            item = f"{self.pick(VERBS)}{self.pick(OBJECTS)}{self.pick(TAILS)}{end}"
            if ordered:
                self.w.emit(f"{i + 1}. {item}")
            else:
                self.w.emit(f"- {item}")
            if self.rng.random() < 0.12 and i < n - 1:
                indent = "   " if ordered else "  "
                m = self.rng.randint(2, 3)
                # One marker kind per list: CommonMark splits a list whose markers change.
                sub_ordered = ordered and self.rng.random() < 0.5
                for j in range(m):
                    sub_end = "；"
                    self.w.emit(f"{indent}{f'{j + 1}. ' if sub_ordered else '- '}"
                                f"{self.pick(OBJECTS)}{self.pick(['的位置', '的数量', '的状态', '的编号'])}{sub_end}")
        self.w.emit()

    def emit_note(self) -> None:
        r = self.rng.random()
        if r < 0.75:
            self.w.emit(f"注：{self.pick(OBJECTS)}可{self.pick(['采用纸质或电子形式', '由专人负责管理', '结合信息系统统一管理'])}"
                        f"，{self.pick(['具体格式由使用单位确定', '保存期限按档案管理的规定执行', '也可委托第三方实施'])}。")
        else:
            self.w.emit(f"> 注：{self.pick(OBJECTS)}的管理要求包括：")
            self.w.emit(">")
            for i in range(3):
                self.w.emit(f"> - {self.pick(VERBS)}{self.pick(OBJECTS)}{'；' if i < 2 else '。'}")
            self.w.emit(">")
            # A note states; it holds no provision (GB/T 1.1—2020 9.11).
            self.w.emit(f"> 上述内容通常由{self.pick(['运行维护单位', '供水企业', '设施管理部门'])}在年度计划中确定。")
        self.w.emit()

    def emit_example(self) -> None:
        self.w.emit(f"示例：某{self.pick(['县级', '市级', '区域'])}供水企业将{self.pick(OBJECTS)}纳入"
                    f"{self.pick(['生产管理系统', '设备管理平台', '安全生产责任制'])}，每{self.rng.randint(1, 12)}个月"
                    f"{self.pick(VERBS)}一次，{self.pick(['有效降低了故障率', '缩短了响应时间', '减少了漏损水量'])}。")
        self.w.emit()

    def emit_table(self) -> None:
        tid = self.w.new_id("table", "tab")
        subject = self.pick(OBJECTS)
        self.w.emit(f"{subject}的{self.pick(['技术要求', '检查项目', '检测周期', '配置标准', '运行参数'])}"
                    f"{self.pick(['应符合', '宜符合'])}[](#{tid})的规定。")
        self.w.emit()
        cols = self.rng.randint(3, 6)
        rows = self.rng.randint(5, 15)
        unit = self.rng.random() < 0.25
        self.w.emit(f"表：{subject}{self.pick(['技术要求', '检查项目及周期', '配置要求', '运行参数限值'])} {{#{tid}}}")
        if unit:
            self.w.emit("单位为毫米")
        self.w.emit()
        headers = ["序号", "项目", "要求", "检测方法", "周期", "责任主体"][:cols]
        self.w.emit("| " + " | ".join(headers) + " |")
        self.w.emit("|" + "|".join([":---:"] + ["---"] * (cols - 1)) + "|")
        table_note = None
        for r in range(rows):
            name, sym, (lo, hi) = self.pick(QUANTITIES)
            cells = [str(r + 1), name]
            if table_note is None and self.rng.random() < 0.02:
                table_note = f"{tid}-n"
                cells[1] += f"[^{table_note}]"
            if cols > 2:
                number = f"{self.rng.randint(lo, hi) / 10:g}"
                space = "" if sym in ("%", "℃") else " "
                cells.append(f"≤{number}" if unit else f"{self.pick(['≥', '≤', '约'])}{number}{space}{sym}")
            if cols > 3:
                cells.append(self.pick(["现场检查", "仪器测量", "查阅记录", "抽样检测", f"按{self.citation()}"]))
            if cols > 4:
                cells.append(self.pick(["每日", "每周", "每月", "每季度", "每年"]))
            if cols > 5:
                cells.append(self.pick(SUBJECTS))
            self.w.emit("| " + " | ".join(cells) + " |")
        self.w.emit()
        if self.rng.random() < 0.3:
            self.w.emit(f"表注：{self.pick(['检测周期可根据运行状况适当调整', '表中数值为最低要求', '“—”表示不作要求'])}。")
            self.w.emit()
        if table_note:
            self.w.emit(f"[^{table_note}]: 在{self.pick(['用水高峰时段', '设备启动时', '水源切换时'])}测定。")
            self.w.emit()

    def emit_formula(self) -> None:
        fid = self.w.new_id("formula", "eq")
        tex, where = self.pick(FORMULAS)
        self.w.emit(f"{where[0][1]}应按[](#{fid})计算：")
        self.w.emit()
        self.w.emit(f"```math {{#{fid}}}")
        self.w.emit(tex)
        self.w.emit("```")
        self.w.emit()
        self.w.emit("式中：")
        self.w.emit()
        for i, (sym, name, unit) in enumerate(where):
            end = "。" if i == len(where) - 1 else "；"
            unit_text = f"，单位为{unit}" if unit else ""
            self.w.emit(f"- ${sym}$——{name}{unit_text}{end}")
        self.w.emit()

    def emit_figure(self) -> None:
        fid = self.w.new_id("figure", "fig")
        name = f"{self.pick(OBJECTS)}{self.pick(['管理流程', '布置示意', '工作程序', '组织结构'])}"
        self.w.emit(f"{name}见[](#{fid})。")
        self.w.emit()
        if self.rng.random() < 0.2:
            self.w.emit(f"图：{name} {{#{fid}}}")
            self.w.emit()
            for part in self.rng.sample(["平面布置", "立面布置", "管线连接", "控制原理"], 2):
                sub = self.w.new_id("figure", "fig")
                self.w.emit(f"![{part}]({self.image_path}){{#{sub}}}")
        else:
            self.w.emit(f"![{name}图]({self.image_path}){{#{fid}}}")
        self.w.emit()
        if self.rng.random() < 0.3:
            self.w.emit(f"图注：{self.pick(['虚线表示可选环节', '箭头表示信息流向', '图中尺寸仅为示意'])}。")
            self.w.emit()

    def leaf_content(self) -> None:
        self.emit_paragraph()
        extras = self.rng.randint(1, 3)
        for _ in range(extras):
            r = self.rng.random()
            if r < 0.28:
                self.emit_paragraph()
            elif r < 0.48:
                self.emit_list()
            elif r < 0.64:
                self.emit_table()
            elif r < 0.72:
                self.emit_formula()
            elif r < 0.80:
                self.emit_figure()
            elif r < 0.92:
                self.emit_note()
            else:
                self.emit_example()

    # ------------------------------------------------------------- sections

    def clause(self, level: int, topics: list[str], untitled: bool = False) -> None:
        hashes = "#" * level
        if untitled:
            self.w.emit(hashes)
            self.w.emit()
            self.emit_paragraph()
            if self.rng.random() < 0.3:
                self.emit_note()
            return
        title = topics.pop() if topics else self.pick(CLAUSE_TOPICS)
        attr = f" {{#{self.w.new_id('clause', 'c')}}}" if self.rng.random() < 0.7 else ""
        self.w.emit(f"{hashes} {title}{attr}")
        self.w.emit()
        r = self.rng.random()
        if level < 5 and r < (0.45 if level == 2 else 0.25 if level == 3 else 0.1):
            sub_topics = self.rng.sample(CLAUSE_TOPICS, len(CLAUSE_TOPICS))
            if self.rng.random() < 0.15:
                for _ in range(self.rng.randint(2, 4)):
                    self.clause(level + 1, sub_topics, untitled=True)
            else:
                for _ in range(self.rng.randint(2, 4)):
                    self.clause(level + 1, sub_topics)
        else:
            self.leaf_content()

    def chapter(self, title: str, budget: int) -> None:
        cid = self.w.new_id("chapter", "ch")
        self.w.emit(f"# {title} {{#{cid}}}")
        self.w.emit()
        start = self.w.size
        topics = self.rng.sample(CLAUSE_TOPICS, len(CLAUSE_TOPICS))
        count = 0
        while count < 2 or self.w.size - start < budget:
            self.clause(2, topics)
            count += 1

    def annex(self, letter: str, normative: bool, title: str, budget: int) -> None:
        aid = f"annex-{letter.lower()}"
        self.w.ids["annex"].append(aid)
        kind = "规范性" if normative else "资料性"
        self.w.emit(f"# 附录（{kind}） {title} {{#{aid}}}")
        self.w.emit()
        start = self.w.size
        topics = self.rng.sample(CLAUSE_TOPICS, len(CLAUSE_TOPICS))
        count = 0
        while count < 2 or self.w.size - start < budget:
            self.clause(2, topics)
            count += 1

    # ------------------------------------------------------------- document

    def front_matter(self) -> None:
        drafters = "、".join(self.pick(SURNAMES) + self.pick(GIVEN) + self.pick(GIVEN) for _ in range(8))
        self.w.emit("---")
        self.w.emit("number: GB/T ××××—××××")
        self.w.emit("replaces: [GB/T 30000—2013]")
        self.w.emit("title: 城镇供水设施运行维护及安全管理规范")
        self.w.emit("title-en: Specification for operation, maintenance and safety management of urban water supply facilities")
        self.w.emit("ics: 13.060.20")
        self.w.emit("ccs: P 41")
        self.w.emit("stage: 征求意见稿")
        self.w.emit("draft-date: 2024-03-01")
        self.w.emit("issuer: 国家市场监督管理总局　国家标准化管理委员会")
        self.w.emit("proposer: 中华人民共和国住房和城乡建设部")
        self.w.emit("owner: 全国城镇给水排水标准化技术委员会（SAC/TC 000）")
        self.w.emit("drafting-units: [中国城镇供水排水协会, 某市供水集团有限公司, 某省标准化研究院, 某大学环境学院]")
        self.w.emit(f"drafters: {drafters}")
        self.w.emit("toc: true")
        self.w.emit("---")
        self.w.emit()
        self.w.emit("<!-- 生成文件：bench/generate_standard.py，请勿手工编辑 -->")
        self.w.emit()

    def introduction(self) -> None:
        self.w.emit("# 引言")
        self.w.emit()
        self.w.emit("城镇供水设施是保障城市运行和居民生活的重要基础设施。为规范供水设施的运行维护和安全管理，"
                    "提高供水安全保障能力，制定本文件。")
        self.w.emit()
        self.w.emit(f"本文件在总结各地供水设施运行管理经验的基础上，对{ '、'.join(self.rng.sample(CHAPTER_TOPICS, 4)) }"
                    "等方面提出了要求。")
        self.w.emit()

    def scope(self) -> None:
        cid = self.w.new_id("chapter", "ch")
        self.w.emit(f"# 范围 {{#{cid}}}")
        self.w.emit()
        self.w.emit("本文件规定了城镇供水设施运行维护及安全管理的基本规定、组织与人员、设施设备管理、水质管理、"
                    "安全管理、应急管理和监督检查等要求，描述了相应的检测与评价方法。")
        self.w.emit()
        self.w.emit("本文件适用于城镇公共供水设施和二次供水设施的运行维护及安全管理，其他供水设施可参照执行。")
        self.w.emit()

    def normative_references(self) -> None:
        cid = self.w.new_id("chapter", "ch")
        self.w.emit(f"# 规范性引用文件 {{#{cid}}}")
        self.w.emit()
        self.w.emit("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
                    "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
        self.w.emit()
        for code, title in sorted(self.normative, key=national_order):
            self.w.emit(f"- {code}　{title}")
        self.w.emit()

    def terms(self) -> None:
        cid = self.w.new_id("chapter", "ch")
        self.w.emit(f"# 术语和定义 {{#{cid}}}")
        self.w.emit()
        self.w.emit("下列术语和定义适用于本文件。")
        self.w.emit()
        pairs = [(h, t) for h in TERM_HEADS for t in TERM_TAILS]
        self.rng.shuffle(pairs)
        defined: list[str] = []
        for (zh_h, en_h), (zh_t, en_t) in pairs[: self.term_count]:
            tid = self.w.new_id("term", "t")
            term = zh_h + zh_t
            self.w.emit(f"## {term} {{#{tid}}}")
            self.w.emit()
            english = f"{en_h} {en_t}"
            if self.rng.random() < 0.15:
                english += "；" + "".join(w[0] for w in english.split()).upper()
            self.w.emit(english)
            if self.rng.random() < 0.1:
                self.w.emit(f"许用术语：{zh_h}{self.pick(['装置', '设备', '部位'])}")
            genus = self.pick(DEFINITION_GENUS)
            related = f"与{self.pick(defined)}相关的" if defined and self.rng.random() < 0.3 else ""
            self.w.emit(f"为{self.pick(VERBS)}{self.pick(OBJECTS)}而{self.pick(['设置', '实施', '确定', '建立'])}的"
                        f"{related}{zh_h}{genus}。")
            self.w.emit()
            if self.rng.random() < 0.25:
                self.w.emit(f"注：{term}包括{self.pick(OBJECTS)}和{self.pick(OBJECTS)}。")
                self.w.emit()
            if self.rng.random() < 0.3:
                code, _ = self.pick(self.informative)
                self.w.emit(f"[来源：{code}，{self.rng.randint(2, 4)}.{self.rng.randint(1, 30)}，有修改]")
                self.w.emit()
            defined.append(term)

    def bibliography(self) -> None:
        self.w.emit("# 参考文献")
        self.w.emit()
        for code, title in sorted(self.informative, key=national_order):
            self.w.emit(f"- {code}　{title}")
        self.w.emit("- 城市供水条例（中华人民共和国国务院令第158号）")
        self.w.emit()

    def generate(self) -> str:
        self.front_matter()
        self.introduction()
        self.scope()
        self.normative_references()
        self.terms()
        annex_share = 0.08
        remaining = self.target - self.w.size - 400
        body = int(remaining * (1 - annex_share))
        topics = CHAPTER_TOPICS[: self.chapters] if self.chapters <= len(CHAPTER_TOPICS) else \
            CHAPTER_TOPICS + [f"专项要求{i}" for i in range(self.chapters - len(CHAPTER_TOPICS))]
        start = self.w.size
        for i, title in enumerate(topics):
            left = body - (self.w.size - start)
            self.chapter(title, max(400, left // (len(topics) - i)))
        annexes = [("A", True, "水质检测方法"), ("B", False, "设施运行记录表格式"), ("C", False, "应急处置典型案例")]
        annex_total = self.target - self.w.size - 400
        for letter, normative, title in annexes:
            self.annex(letter, normative, title, max(400, annex_total // len(annexes)))
        # Every normative reference is cited at least once.
        while self.uncited:
            self.emit_paragraph(f"{self.pick(SUBJECTS)}的{self.pick(OBJECTS)}应符合{self.citation()}的规定。")
        self.bibliography()
        return self.w.text()


def tiny_png() -> bytes:
    """A 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-kb", type=int, default=300, help="approximate size of the source in KiB (default 300)")
    ap.add_argument("--seed", type=int, default=20240601, help="random seed (default 20240601)")
    ap.add_argument("-o", "--output", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "standard.md"))
    args = ap.parse_args(argv)

    out_dir = os.path.dirname(os.path.abspath(args.output))
    os.makedirs(os.path.join(out_dir, "images"), exist_ok=True)
    with open(os.path.join(out_dir, "images", "figure.png"), "wb") as f:
        f.write(tiny_png())
    text = Generator(args.size_kb, args.seed, "images/figure.png").generate()
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    data = text.encode("utf-8")
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    print(f"{args.output}: {len(data)} bytes, {text.count(chr(10))} lines, {cjk} CJK characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
