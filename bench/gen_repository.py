#!/usr/bin/env python3
"""Writes a standards repository for the repository benchmark (bench/repository.sh).

usage: gen_repository.py [--count N] [--seed S] OUT_DIR

OUT_DIR receives bzc.yaml (a 3+7N framework, review-period 5) and
standards/<aspect>/*.md: N standards (default 1000) of 5–40 KB like published
ones — cover data with a framework category, 前言, 范围, 规范性引用文件 citing
catalog standards and earlier standards of the repository with their titles,
terms, body chapters of clauses with 应/宜/可 provisions, lists, tables and
notes. A few standards carry a deliberate finding (a wrong title of a cited
repository standard, 必须 in a provision, an unknown category), about one in
fifty, so that the report is not empty while most files are clean. The output
depends only on N and the seed.
"""

import argparse
import os
import random
import shutil

FRAMEWORK = [
    ("100", "基础通用标准", [("110", "标准化导则", "base"), ("120", "术语", "terms")]),
    ("200", "运行保障标准", [("210", "服务接待", "reception"), ("220", "办公用房", "office"),
                         ("230", "公务用车", "vehicle"), ("240", "公共机构节能", "energy"),
                         ("250", "资产管理", "assets"), ("260", "后勤服务", "logistics"),
                         ("270", "会议服务", "meeting")]),
    ("300", "监督评价标准", [("310", "评价", "evaluation"), ("320", "监督检查", "inspection")]),
]
ASPECTS = [leaf for _, _, leaves in FRAMEWORK for leaf in leaves]

# Catalog standards of bzc's seed, with their titles (undated citations).
CATALOG = [
    ("GB/T 13016", "标准体系构建原则和要求"),
    ("GB/T 15624", "服务标准化工作指南"),
    ("GB/T 24421.4", "服务业组织标准化工作指南　第4部分：标准实施及评价"),
    ("GB/T 2589", "综合能耗计算通则"),
    ("GB 17167", "用能单位能源计量器具配备和管理通则"),
    ("GB 7258", "机动车运行安全技术条件"),
    ("GB/T 18344", "汽车维护、检测、诊断技术规范"),
    ("GB 50210", "建筑装饰装修工程质量验收标准"),
    ("GB 31654", "食品安全国家标准　餐饮服务通用卫生规范"),
    ("GB 5749", "生活饮用水卫生标准"),
]

OBJECTS = {
    "base": ["标准化工作", "标准体系", "标准制修订", "标准实施", "标准复审", "标准化培训"],
    "terms": ["基础术语", "服务术语", "管理术语"],
    "reception": ["公务接待", "接待用餐", "接待住宿", "接待用车", "礼宾服务", "来访登记"],
    "office": ["办公用房配置", "办公用房维修", "办公用房调剂", "办公用房权属登记", "附属设施", "门禁管理"],
    "vehicle": ["公务用车调度", "车辆维修", "车辆保险", "驾驶员管理", "车辆加油", "车辆停放"],
    "energy": ["能源计量", "节水管理", "照明节能", "空调运行", "能耗统计", "绿色办公"],
    "assets": ["资产登记", "资产配置", "资产处置", "资产清查", "家具配置", "设备维护"],
    "logistics": ["物业服务", "食堂管理", "绿化养护", "保洁服务", "安保服务", "垃圾分类"],
    "meeting": ["会场布置", "会议签到", "会议设备", "会务接待", "视频会议", "会议记录"],
    "evaluation": ["服务评价", "满意度测评", "绩效评价", "标准化评价", "节约型机关评价", "质量考核"],
    "inspection": ["监督检查", "问题整改", "投诉处理", "专项检查", "档案管理", "信息公开"],
}
KINDS = [("管理规范", "Specification for management of"), ("服务规范", "Specification for service of"),
         ("工作指南", "Guidelines for"), ("操作规程", "Code of practice for"), ("评价规范", "Specification for evaluation of")]
ACTORS = ["机关事务管理部门", "使用单位", "服务单位", "管理人员", "服务人员", "责任部门", "承办单位"]
ACTIONS = ["建立工作台账", "制定年度计划", "明确岗位职责", "定期开展检查", "保存工作记录", "在5个工作日内处理问题",
           "组织业务培训", "公开服务标准", "落实安全措施", "开展满意度调查", "核对数据", "按程序报批"]
WHEN = ["每月", "每季度", "每半年", "每年", "在工作开始前", "在发现问题后3个工作日内", "在任务完成后5个工作日内"]
MODALS = ["应", "应", "应", "宜", "宜", "可"]
ITEMS = ["工作内容和范围", "责任人和联系方式", "完成时限", "所需经费", "安全要求", "记录和归档要求",
         "检查方法", "考核结果", "整改措施", "服务对象的意见"]
QUALIFIERS = ["经费", "档案", "信息化", "应急处置", "安全", "质量", "人员培训", "台账", "检查", "验收",
              "采购", "合同", "外包服务", "数据统计", "风险防控", "投诉处理", "标识", "流程", "考核", "设备"]
SCOPE_ITEMS = ["职责分工", "工作流程", "人员配备", "设施设备", "安全防护", "记录保存", "信息报送", "经费使用",
               "服务质量", "监督考核", "应急处置", "培训教育", "档案归集", "合同管理", "数据核对", "问题整改"]
UNITS = [a + b for b in ["机关事务服务中心", "机关后勤服务中心", "公务用车服务中心", "机关事务管理局"]
         for a in ["渝中区", "江北区", "南岸区", "九龙坡区", "沙坪坝区", "大渡口区", "北碚区", "渝北区", "巴南区",
                   "万州区", "涪陵区", "黔江区", "长寿区", "江津区", "合川区", "永川区", "南川区", "綦江区",
                   "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区", "开州区", "梁平区", "武隆区", "城口县",
                   "丰都县", "垫江县", "忠县", "云阳县", "奉节县", "巫山县", "巫溪县", "石柱县", "秀山县",
                   "酉阳县", "彭水县"]]
ISSUERS = {"DB50/T": "重庆市市场监督管理局", "Q/JGSW": "重庆市机关事务管理局"}


class Standard:
    def __init__(self, index, rng, topic):
        self.index = index
        (self.aspect_code, self.aspect_name, self.folder), self.subject, self.qualifier = topic
        self.code = "DB50/T" if rng.random() < 0.4 else "Q/JGSW"
        self.number = "%d" % (2000 + index)
        self.year = rng.randint(2019, 2025)
        kind, self.kind_en = rng.choice(KINDS)
        # Distinct titles: the unit a standard is written for, its subject
        # and its kind (渝中区机关事务中心办公用房维修管理规范).
        self.title = "%s%s%s%s" % (rng.choice(UNITS), self.subject, self.qualifier, kind)
        self.scope_items = "、".join(rng.sample(SCOPE_ITEMS, 3))
        self.designation = "%s %s—%d" % (self.code, self.number, self.year)


def paragraph(rng, actor=None):
    actor = actor or rng.choice(ACTORS)
    return "%s%s%s%s，%s%s。" % (actor, rng.choice(MODALS), rng.choice(WHEN), rng.choice(ACTIONS),
                                 rng.choice(["并", "同时"]), rng.choice(ACTIONS))


def write_standard(s, earlier, rng, flaw):
    cited_repo = rng.sample(earlier, min(len(earlier), rng.randint(0, 3)))
    cited_catalog = rng.sample(CATALOG, rng.randint(1, 3))
    refs = cited_catalog + [(c.code + " " + c.number, c.title) for c in cited_repo]
    # The order of 规范性引用文件 (GB/T 1.1—2020 8.6): national, local,
    # enterprise; by number within each.
    refs.sort(key=lambda r: (0 if r[0].startswith("GB") else 1 if r[0].startswith("DB") else 2,
                             [int(x) for x in r[0].split(" ")[1].split(".")]))
    category = "299" if flaw == "category" else s.aspect_code
    reviewed = "reviewed: %d-06-30\n" % (s.year + 4) if s.year < 2022 else ""
    filing = 'filing: "%d—%d"\n' % (90000 + s.index, s.year) if s.code == "DB50/T" else ""
    out = []
    out.append("""---
number: {d}
title: {t}
title-en: {en} work {part} of government offices affairs
ics: 03.160
ccs: A 00
{filing}stage: 发布稿
issued: {y}-03-01
effective: {y}-06-01
issuer: {issuer}
proposer: 重庆市机关事务管理局
owner: 重庆市机关事务管理局
drafting-units: [重庆市机关事务管理局, 重庆市标准化研究院]
drafters: 王建国、李晓梅
category: "{cat}"
{reviewed}---

# 前言

本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

本文件由重庆市机关事务管理局提出并归口。

本文件起草单位：重庆市机关事务管理局、重庆市标准化研究院。

本文件主要起草人：王建国、李晓梅。

# 范围

本文件规定了{subject}{qualifier}工作的{scope_items}的要求。

本文件适用于{unit}的{subject}{qualifier}工作。

# 规范性引用文件

下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。

""".format(d=s.designation, t=s.title, en=s.kind_en, part=s.index + 1, filing=filing, y=s.year,
           issuer=ISSUERS[s.code], cat=category, reviewed=reviewed, subject=s.subject,
           qualifier=s.qualifier, scope_items=s.scope_items, unit=s.title.split(s.subject)[0]))
    for i, (designation, title) in enumerate(refs):
        if flaw == "title" and i == len(refs) - 1 and cited_repo:
            title = title.replace("规范", "要求").replace("指南", "导则").replace("规程", "细则")  # REPO-01: a wrong title
        out.append("- %s　%s\n" % (designation, title))
    out.append("\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n# 基本要求\n\n")
    citations = [d for d, _ in refs]
    out.append("%s的工作应符合%s的规定。\n\n" % (s.subject, "、".join(citations)))
    target = rng.randint(5, 40) * 1024  # bytes, as published standards range
    chapter = 0
    while sum(len(x.encode()) for x in out) < target:
        chapter += 1
        out.append("# %s%s\n\n" % (rng.choice(["工作", "实施", "管理", "保障", "检查"]), ["程序", "要求", "内容", "方法", "记录"][chapter % 5] + str(chapter)))
        for clause in range(rng.randint(2, 4)):
            out.append("## %s%d\n\n" % (rng.choice(["一般要求", "职责分工", "工作流程", "质量控制", "安全管理", "记录管理"]), clause + 1))
            for _ in range(rng.randint(2, 5)):
                out.append(paragraph(rng) + "\n\n")
            shape = rng.random()
            if shape < 0.3:
                out.append("工作方案包括以下内容：\n\n")
                items = rng.sample(ITEMS, rng.randint(3, 6))
                for j, item in enumerate(items):
                    out.append("- %s%s\n" % (item, "。" if j == len(items) - 1 else "；"))
                out.append("\n")
            elif shape < 0.45:
                tid = "tab-%d-%d" % (chapter, clause)
                out.append("工作频次见[](#%s)。\n\n表：工作频次 {#%s}\n\n| 事项 | 频次 | 责任人 |\n|---|---|---|\n" % (tid, tid))
                for item in rng.sample(ITEMS, rng.randint(3, 8)):
                    out.append("| %s | %s | %s |\n" % (item, rng.choice(WHEN[:4]), rng.choice(ACTORS)))
                out.append("\n")
            elif shape < 0.6:
                out.append("注：%s的具体安排由各单位根据实际确定。\n\n" % rng.choice(ITEMS))
    if flaw == "must":
        out.append("# 附加要求\n\n%s必须%s。\n" % (rng.choice(ACTORS), rng.choice(ACTIONS)))  # VRB-01
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if os.path.exists(args.out_dir):
        shutil.rmtree(args.out_dir)
    lines = ["project: 基准测试标准体系", 'standards: ["standards/**/*.md"]', "framework:"]
    for code, name, leaves in FRAMEWORK:
        lines.append('  - code: "%s"\n    name: %s\n    children:' % (code, name))
        for leaf_code, leaf_name, _ in leaves:
            lines.append('      - {code: "%s", name: %s}' % (leaf_code, leaf_name))
    lines += ["review-period: 5", "output: out", ""]
    os.makedirs(args.out_dir)
    with open(os.path.join(args.out_dir, "bzc.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    # Each standard its own topic (aspect, subject, qualifier) while they
    # last, so that near-duplicates (REPO-04) stay the exception they are in a
    # kept repository.
    topics = [(aspect, subject, qualifier) for aspect in ASPECTS for subject in OBJECTS[aspect[2]]
              for qualifier in QUALIFIERS]
    rng.shuffle(topics)
    standards = []
    total = 0
    for i in range(args.count):
        s = Standard(i, rng, topics[i % len(topics)])
        # About one standard in fifty has a deliberate finding.
        flaw = rng.choice(["title", "must", "category"]) if rng.random() < 0.02 else None
        text = write_standard(s, standards[-200:], rng, flaw)
        folder = os.path.join(args.out_dir, "standards", s.folder)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "%s-%s.md" % (s.code.replace("/", "-"), s.number)), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
        standards.append(s)
    print("%d standards, %.1f MB, in %s" % (args.count, total / 1e6, args.out_dir))


if __name__ == "__main__":
    main()
