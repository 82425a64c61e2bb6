//! Outlines of every kind of heading, written by reading the fixtures and the bundled
//! article (`cat -n`), never copied from the program's output.

mod common;

use yuedu::document::{BlockKind, Document, load};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn open(name: &str) -> Document {
    let path = fixture(name);
    let decoded = load::read_file(path.as_ref(), None).expect("fixture opens");
    Document::new(name, decoded)
}

/// (level, title, 1-based line) of every outline entry.
fn outline(doc: &Document) -> Vec<(u8, String, usize)> {
    doc.headings
        .iter()
        .map(|h| (h.level, doc.heading_text(h).to_string(), doc.blocks[h.block].line))
        .collect()
}

fn entries(list: &[(u8, &str, usize)]) -> Vec<(u8, String, usize)> {
    list.iter().map(|&(l, t, n)| (l, t.to_string(), n)).collect()
}

#[test]
fn bundled_article_title_three_sections_and_a_byline() {
    let doc = Document::bundled();
    assert_eq!(
        outline(&doc),
        entries(&[
            (1, "上海从“建框架”向“强功能”跃升", 1),
            (2, "青年驱动,未来产业跑出“加速度”", 6),
            (2, "创新策源,助力科创企业“从0到100”", 13),
            (2, "产学研用融合,中国“质”造力领跑新赛道", 19),
        ])
    );
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[0], BlockKind::Title);
    assert_eq!(kinds[1], BlockKind::Subtitle);
    assert_eq!(doc.block_text(1), "向“新”而行 “质”造力领跑新赛道");
    assert_eq!(kinds[2..5], [BlockKind::Body; 3], "the lead is three body paragraphs");
    assert_eq!(*kinds.last().unwrap(), BlockKind::Byline);
    assert!(doc.block_text(doc.blocks.len() - 1).starts_with("中青报·中青网记者"));
    assert_eq!(doc.blocks.len(), 27);
}

#[test]
fn novel_chapters_nest_under_volumes_and_a_sentence_is_not_a_chapter() {
    let doc = open("novel.txt");
    assert_eq!(
        outline(&doc),
        entries(&[
            (1, "石头记（节选）", 1),
            (2, "楔子", 3),
            (2, "卷一　梦幻", 7),
            (3, "第一回 甄士隐梦幻识通灵　贾雨村风尘怀闺秀", 9),
            (3, "第二回　贾夫人仙逝扬州城 冷子兴演说荣国府", 13),
            (2, "卷二 风月", 17),
            (4, "第3节 小试", 19),
            (3, "第壹佰贰拾回：甄士隐详说太虚情", 23),
            (2, "尾声", 27),
        ])
    );
    let sentence = doc.blocks.iter().find(|b| b.line == 15).unwrap();
    assert_eq!(sentence.kind, BlockKind::Body);
    assert!(doc.text[sentence.range()].starts_with("第四回中既将"));
}

#[test]
fn report_numbering_nests_and_list_items_are_not_headings() {
    let doc = open("report.txt");
    assert_eq!(
        outline(&doc),
        entries(&[
            (1, "关于推进科技创新的工作报告", 1),
            (2, "一、总体要求", 3),
            (3, "（一）指导思想", 5),
            (3, "（二）基本原则", 9),
            (4, "1. 需求牵引", 11),
            (4, "2. 开放协同", 15),
            (2, "二、主要任务", 19),
            (5, "（1）数据来源", 26),
        ])
    );
}

#[test]
fn paper_numbering_by_depth_without_a_title() {
    let doc = open("paper.txt");
    assert_eq!(
        outline(&doc),
        entries(&[(1, "1 历史", 1), (1, "2 概念", 5), (2, "2.1 含义", 7), (2, "2.2 特征", 11)])
    );
}

#[test]
fn markdown_headings_without_their_markup() {
    let doc = open("notes.md");
    assert_eq!(
        outline(&doc),
        entries(&[(1, "上海创新笔记", 1), (2, "青年驱动", 5), (3, "算力", 14), (2, "创新策源", 18)])
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    // The same file named .txt is plain text: the markup is text like any other.
    let decoded = load::read_file(fixture("notes.md").as_ref(), None).unwrap();
    let plain = Document::new("notes.txt", decoded);
    assert!(plain.blocks.iter().any(|b| &plain.text[b.range()] == "### **算力** ###"));
    assert!(plain.headings.iter().all(|h| plain.heading_text(h) != "算力"));
}

#[test]
fn markdown_dump_shows_no_hashes() {
    let path = fixture("notes.md");
    let dump = common::stdout_of(&["dump", &path, "--width", "80"]);
    let first = dump.lines().next().unwrap();
    assert_eq!(first, "上海创新笔记");
    assert!(dump.lines().any(|l| l == "算力"), "{dump}");
    assert!(dump.contains("# 这不是标题"), "code keeps its text: {dump}");
}

#[test]
fn outline_command_indents_by_level() {
    let out = common::stdout_of(&["outline", &fixture("report.txt")]);
    assert_eq!(
        out,
        "关于推进科技创新的工作报告\n  一、总体要求\n    （一）指导思想\n    （二）基本原则\n      1. 需求牵引\n      \
         2. 开放协同\n  二、主要任务\n        （1）数据来源\n"
    );
    let json = common::stdout_of(&["outline", &fixture("paper.txt"), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[2]["title"], "2.1 含义");
    assert_eq!(v[2]["level"], 2);
    assert_eq!(v[2]["line"], 7);
}

#[test]
fn an_official_title_over_two_lines_is_one_title_and_its_number_no_subtitle() {
    let doc = open("notice.txt");
    let kinds: Vec<BlockKind> = doc.blocks[..4].iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BlockKind::Title, BlockKind::Title, BlockKind::Body, BlockKind::Body]);
    assert_eq!(doc.title(), "国务院办公厅关于印发《城市更新行动方案》的通知", "named by the whole title");
    assert_eq!(doc.legacy_title(), "国务院办公厅关于印发", "as earlier versions named it: the first line");
    assert_eq!(
        outline(&doc),
        entries(&[
            (1, "国务院办公厅关于印发《城市更新行动方案》的通知", 1),
            (2, "城市更新行动方案", 8),
            (3, "一、总体要求", 10),
            (3, "二、重点任务", 12),
            (4, "（一）加快老旧小区改造。", 13),
            (4, "（二）推进完整社区建设。", 15),
        ])
    );
    let out = common::stdout_of(&["outline", &fixture("notice.txt")]);
    assert_eq!(out.lines().next(), Some("国务院办公厅关于印发《城市更新行动方案》的通知"));
    let json = common::stdout_of(&["outline", &fixture("notice.txt"), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["title"], "国务院办公厅关于印发《城市更新行动方案》的通知");
    assert_eq!(v[0]["line"], 1);
    // The text pane sets the title's two lines together, as a title, not as a paragraph.
    let dump = common::stdout_of(&["dump", &fixture("notice.txt"), "--width", "60"]);
    let top: Vec<&str> = dump.lines().take(4).collect();
    assert_eq!(top, ["国务院办公厅关于印发", "《城市更新行动方案》的通知", "", "　　国办发〔2025〕12号"]);
}

#[test]
fn a_title_over_lines_splits_anywhere_but_a_complete_one_takes_no_next_line() {
    let para = "坚持以人民为中心，统筹发展和安全，稳步推进各项工作，确保取得实效。";
    let kinds = |text: &str| -> Vec<BlockKind> {
        let doc = Document::new("t.txt", load::decode(text.as_bytes(), None).unwrap());
        doc.blocks.iter().take(4).map(|b| b.kind).collect()
    };
    use BlockKind::{Body, Title};
    // Split before 关于, and over three lines.
    let t = format!("某市人民政府\n关于加强城市道路交通管理工作的意见\n某政发〔2024〕3号\n{para}\n");
    assert_eq!(kinds(&t), [Title, Title, Body, Body]);
    let t = format!("省人民政府办公厅转发\n省发展改革委关于促进\n民间投资健康发展若干措施的通知\n{para}\n");
    assert_eq!(kinds(&t), [Title, Title, Title, Body]);
    // A note in brackets on the line under a document's title is part of it.
    let t = format!("某市生活垃圾分类管理办法\n（试行）\n{para}\n");
    assert_eq!(kinds(&t)[..3], [Title, Title, Body]);
    // Whole on its first line: the number under it stays apart.
    let t = format!("国务院关于加强安全生产工作的决定\n国发〔2004〕2号\n{para}\n");
    assert_eq!(kinds(&t)[..2], [Title, Body]);
    // A news title and a short line under it are not one title.
    let t = format!("老旧小区改出幸福新生活\n居民成了改造主角\n{para}\n");
    assert_ne!(kinds(&t)[1], Title);
}

#[test]
fn a_heading_spaced_out_a_character_apart_is_listed_as_its_words_and_the_text_keeps_its_spacing() {
    let para = "为规范工作程序，提高工作效率，根据有关法律法规，制定本规则，请认真遵照执行。";
    let text = format!(
        "国务院关于印发\n《国务院工作规则》的通知\n各省、自治区、直辖市人民政府：\n现将《国务院工作规则》印发给你们。\n\
         国 务 院 工 作 规 则\n第一章 总 则\n{para}\n第二章 组成人员职责\n{para}\n"
    );
    let doc = Document::new("t.txt", load::decode(text.as_bytes(), None).unwrap());
    let listed: Vec<String> = outline(&doc).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(
        listed,
        ["国务院关于印发《国务院工作规则》的通知", "国务院工作规则", "第一章 总则", "第二章 组成人员职责"]
    );
    assert!(doc.text.contains("国 务 院 工 作 规 则\n第一章 总 则"), "the text itself is as written");
    // A text of the corpus, through the binary.
    let path =
        format!("{}/tests/corpus/texts/official-04-guowuyuan-gongzuo-guize.txt", env!("CARGO_MANIFEST_DIR"));
    let out = common::stdout_of(&["outline", &path]);
    let top: Vec<&str> = out.lines().take(3).collect();
    assert_eq!(top, ["国务院关于印发《国务院工作规则》的通知", "  国务院工作规则", "    第一章 总则"]);
}

#[test]
fn an_issuers_mark_and_number_above_an_official_title_are_not_its_title() {
    let para = "坚持人民至上、生命至上，统筹发展和安全，加强风险排查，完善应急体系。";
    let text = format!(
        "北京市人民政府文件\n京政发〔2025〕1号\n北京市人民政府关于加强城市安全工作的意见\n\
         各区人民政府，市政府各委、办、局：\n{para}\n一、总体要求\n{para}\n二、重点任务\n{para}\n北京市人民政府\n2025年1月2日\n"
    );
    let doc = Document::new("t.txt", load::decode(text.as_bytes(), None).unwrap());
    assert_eq!(doc.title(), "北京市人民政府关于加强城市安全工作的意见", "the text is named by its title");
    assert_eq!(doc.legacy_title(), "北京市人民政府文件", "as earlier versions named it");
    assert!(doc.has_title("北京市人民政府文件"), "so places saved under that are still found");
    assert_eq!(
        outline(&doc),
        entries(&[
            (1, "北京市人民政府关于加强城市安全工作的意见", 3),
            (2, "一、总体要求", 6),
            (2, "二、重点任务", 8)
        ])
    );
    let kinds: Vec<BlockKind> = doc.blocks[..3].iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [BlockKind::Body, BlockKind::Body, BlockKind::Title],
        "the mark and the number stay in the text"
    );
}

#[test]
fn a_document_opening_with_its_number_was_named_by_its_file_by_earlier_versions() {
    // The number is no title's line, so earlier versions found no title and recorded the
    // file name; that, not the number, is what records saved then are under.
    let para = "坚持人民至上、生命至上，统筹发展和安全，加强风险排查，完善应急体系。";
    let text = format!(
        "京政发〔2025〕1号\n北京市人民政府关于加强城市安全工作的意见\n\
         各区人民政府，市政府各委、办、局：\n{para}\n一、总体要求\n{para}\n"
    );
    let doc = Document::new("城市安全.txt", load::decode(text.as_bytes(), None).unwrap());
    assert_eq!(doc.title(), "北京市人民政府关于加强城市安全工作的意见");
    assert_eq!(doc.legacy_title(), "城市安全.txt");
    assert!(doc.has_title("城市安全.txt"));
    assert!(!doc.has_title("京政发〔2025〕1号"), "a number many texts could open with claims nothing");
}
