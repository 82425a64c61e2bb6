//! The outline classifier's own cases.

use super::lines::*;
use super::*;

#[test]
fn chapter_markers() {
    for s in [
        "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀",
        "第十二章",
        "第3节 测试",
        "第一百二十回　甄士隐详说太虚情 贾雨村归结红楼梦",
        "第壹章 开端",
        "第１２章：归来",
        "序章 风起",
        "楔子",
        "尾声",
        "后记",
        "番外一 旧事",
        "番外篇",
    ] {
        assert!(chapter(s).is_some(), "{s}");
    }
    assert_eq!(chapter("卷一 春"), Some(Tier::Volume));
    assert_eq!(chapter("第三卷"), Some(Tier::Volume));
    assert_eq!(chapter("第3节"), Some(Tier::Section));
    assert_eq!(chapter("第一部分 总则"), Some(Tier::Volume));
    assert_eq!(chapter("第二天，他来了"), None);
    assert_eq!(chapter("第三回合"), None);
    for s in [
        "第四回中既将薛家母子在荣府内寄居等事略已表明",
        "第一次见面",
        "第一章写得很好。",
        "序列号",
        "后记得他",
        "第",
        "第二回 说到这里，",
    ] {
        assert_eq!(chapter(s), None, "{s}");
    }
}

#[test]
fn numbering_styles() {
    assert_eq!(numbered("一、总体要求"), Some(Numbering::Cjk));
    assert_eq!(numbered("（一）指导思想"), Some(Numbering::CjkParen));
    assert_eq!(numbered("(二) 基本原则"), Some(Numbering::CjkParen));
    assert_eq!(numbered("1. 背景"), Some(Numbering::Arabic(1)));
    assert_eq!(numbered("1、背景"), Some(Numbering::Arabic(1)));
    assert_eq!(numbered("1 历史"), Some(Numbering::Arabic(1)));
    assert_eq!(numbered("2.1 含义"), Some(Numbering::Arabic(2)));
    assert_eq!(numbered("2.1.3 细节"), Some(Numbering::Arabic(3)));
    assert_eq!(numbered("（1）数据来源"), Some(Numbering::ArabicParen));
    for s in
        ["2023年上海", "1.6万亿元", "5月24日", "一、总体要求。各地要加强领导。", "一二三", "1.", "（一）"]
    {
        assert_eq!(numbered(s), None, "{s}");
    }
}

#[test]
fn markdown_markup_is_outside_the_range() {
    let s = "## **创新策源** ##";
    let (level, a, b) = markdown_heading(s).unwrap();
    assert_eq!((level, &s[a..b]), (2, "创新策源"));
    assert_eq!(markdown_heading("#不是标题"), None);
    assert_eq!(markdown_heading("#######"), None);
    let s = "# C#";
    let (_, a, b) = markdown_heading(s).unwrap();
    assert_eq!(&s[a..b], "C#");
}

/// (level, text) of every outline entry of `text` read as plain text.
fn outline_of(text: &str) -> Vec<(u8, String)> {
    let mut blocks = crate::document::split_blocks(text);
    classify(text, &mut blocks, false)
        .iter()
        .map(|h| (h.level, text[blocks[h.block].range()].to_string()))
        .collect()
}

fn texts(o: &[(u8, String)]) -> Vec<&str> {
    o.iter().map(|(_, t)| t.as_str()).collect()
}

const PARA: &str = "这是一段足够长的正文，用来说明标题之后跟着的是正文段落，而不是另一个标题，它以句号结尾。";

#[test]
fn a_heading_over_two_short_lines_is_one_entry() {
    let text = format!(
        "报道的标题\n\n{PARA}\n\n从“要我改”到“我要改”\n居民成了改造主角\n\n{PARA}\n\n既要面子\n更要里子\n\n{PARA}\n"
    );
    let o = outline_of(&text);
    assert_eq!(texts(&o), ["报道的标题", "从“要我改”到“我要改”", "既要面子"]);
    let mut blocks = crate::document::split_blocks(&text);
    classify(&text, &mut blocks, false);
    let second = blocks.iter().find(|b| &text[b.range()] == "居民成了改造主角").unwrap();
    assert!(matches!(second.kind, BlockKind::Heading { .. }), "the second half is drawn as heading");
}

#[test]
fn lead_ins_dialogue_captions_datelines_and_notes_are_not_headings() {
    for line in [
        "她对记者说：",
        "事情是这样的——",
        "“那我们下午再来。”",
        "“你们先回吧，”",
        "图为市民在新开通的隧道内参观",
        "图片来源：受访企业供图",
        "（记者 张三 摄）",
        "2024年6月12日",
        "2024-06-12 10:23",
        "编者按",
        "责任编辑 李四",
    ] {
        let text = format!("报道的标题\n\n{PARA}\n\n{line}\n\n{PARA}\n\n真正的小标题\n\n{PARA}\n");
        assert_eq!(texts(&outline_of(&text)), ["报道的标题", "真正的小标题"], "{line}");
    }
}

#[test]
fn headings_may_ask_or_exclaim_and_head_a_short_paragraph() {
    let text = format!(
        "储能电芯降价四成，谁能熬过洗牌？\n\n{PARA}\n\n哪来的底气？\n\n其实，她刚来时并不自信。\n\n{PARA}\n\n再快一点！\n\n{PARA}\n"
    );
    assert_eq!(texts(&outline_of(&text)), ["储能电芯降价四成，谁能熬过洗牌？", "哪来的底气？", "再快一点！"]);
}

#[test]
fn numbered_headings_follow_their_sequence_not_a_length_limit() {
    let text = format!(
        "关于某项工作的意见\n\n一、总体要求\n\n{PARA}\n\n二、主要目标\n\n{PARA}\n\n三、重点任务\n\n{PARA}\n\n\
         四、坚持以人民为中心的发展思想，推动发展成果更多更公平惠及全体人民\n\n{PARA}\n\n五、组织保障\n\n{PARA}\n"
    );
    let o = outline_of(&text);
    assert_eq!(o.len(), 6, "{o:?}");
    assert!(o[4].1.starts_with("四、坚持"));
    assert_eq!(o[4].0, o[3].0, "the long one is at its siblings' level");
}

#[test]
fn paren_headings_ending_in_a_full_stop_stand_alone_but_run_in_ones_do_not() {
    let text = format!(
        "关于某项工作的通知\n\n一、完善制度\n\n（一）健全制度框架。\n\n{PARA}\n\n（二）提高发展水平。\n\n{PARA}\n\n\
         二、构建标准\n\n（一）坚持稳中求进。要加强领导，压实责任，确保各项任务落到实处，这是一段带编号的正文。\n\n\
         （二）坚持改革创新。要深化改革，扩大开放，激发活力，这也是一段带编号的正文，不是标题。\n"
    );
    let o = outline_of(&text);
    assert_eq!(
        texts(&o),
        [
            "关于某项工作的通知",
            "一、完善制度",
            "（一）健全制度框架。",
            "（二）提高发展水平。",
            "二、构建标准"
        ]
    );
    assert_eq!(o[2].0, o[1].0 + 1, "one level down");
}

#[test]
fn sections_with_little_or_no_body_at_the_end_are_sections() {
    let text = format!(
        "某条目\n\n{PARA}\n\n1 历史\n\n{PARA}\n\n2 地理\n\n{PARA}\n\n3 注释\n1. ^ 某书，第1页\n2. ^ 某书，第2页\n\
         4 参考文献\n5 外部链接\n官方网站\n"
    );
    assert_eq!(
        texts(&outline_of(&text)),
        ["某条目", "1 历史", "2 地理", "3 注释", "4 参考文献", "5 外部链接"]
    );
}

#[test]
fn a_list_of_numbered_lines_is_not_a_run_of_headings() {
    let text = format!(
        "某报告\n\n1. 需求牵引\n\n{PARA}\n\n2. 开放协同\n\n{PARA}\n\n任务如下：\n1. 建设社区\n2. 培育企业\n3. 完善平台\n\n{PARA}\n"
    );
    assert_eq!(texts(&outline_of(&text)), ["某报告", "1. 需求牵引", "2. 开放协同"]);
}

#[test]
fn a_text_without_a_title_line_gets_none() {
    let text = format!("{PARA}\n\n{PARA}\n");
    assert!(outline_of(&text).is_empty());
    let text = format!("{PARA}\n\n第一章 开端\n\n{PARA}\n\n第二章 远行\n\n{PARA}\n");
    assert_eq!(texts(&outline_of(&text)), ["第一章 开端", "第二章 远行"]);
}

#[test]
fn a_table_of_contents_heads_nothing() {
    let text = format!(
        "某预案\n\n目 录\n1 总则\n2 组织\n3 附则\n\n1 总则\n\n{PARA}\n\n2 组织\n\n{PARA}\n\n3 附则\n\n{PARA}\n"
    );
    let o = outline_of(&text);
    assert_eq!(texts(&o), ["某预案", "目 录", "1 总则", "2 组织", "3 附则"]);
    assert_eq!(o[1].0, o[2].0, "the contents sit beside the sections");
}

#[test]
fn an_attached_document_title_heads_its_numbered_sections() {
    let text = format!(
        "国务院关于印发某某方案的通知\n\n各省人民政府：\n\n现将《某某改革实施方案》印发给你们，请认真贯彻执行。\n\n\
         某某改革实施方案\n\n{PARA}\n\n一、总体要求\n\n{PARA}\n\n二、主要任务\n\n{PARA}\n"
    );
    let o = outline_of(&text);
    assert_eq!(texts(&o)[1..], ["某某改革实施方案", "一、总体要求", "二、主要任务"]);
    assert!(o[2].0 > o[1].0);
}

#[test]
fn novels_numbered_by_bare_numerals_and_web_chapter_lines() {
    let text = format!("某小说\n\n一\n\n{PARA}\n\n二\n\n{PARA}\n\n三\n\n{PARA}\n");
    assert_eq!(texts(&outline_of(&text)), ["某小说", "一", "二", "三"]);
    let text = format!(
        "[某小说 / 某人 著]\n\n正文 第一回 宴桃园豪杰三结义\n\n{PARA}\n\n正文 第二回 张翼德怒鞭督邮\n\n{PARA}\n"
    );
    assert_eq!(
        texts(&outline_of(&text))[1..],
        ["正文 第一回 宴桃园豪杰三结义", "正文 第二回 张翼德怒鞭督邮"]
    );
    // A lone number inside a chapter is not a chapter; numbers in sequence are.
    let text = format!("某小说\n\n第一章\n\n{PARA}\n\n1\n\n{PARA}\n\n2\n\n{PARA}\n\n第二章\n\n{PARA}\n");
    let o = outline_of(&text);
    assert_eq!(texts(&o), ["某小说", "第一章", "1", "2", "第二章"]);
    assert_eq!(o[2].0, o[1].0 + 1);
}

#[test]
fn numeral_values() {
    assert_eq!(numeral_value("十二"), Some(12));
    assert_eq!(numeral_value("一百二十"), Some(120));
    assert_eq!(numeral_value("二十三"), Some(23));
    assert_eq!(numeral_value("１２"), Some(12));
    assert_eq!(numeral_value("05"), Some(5));
    assert_eq!(numeral_value("四十五"), Some(45));
    assert_eq!(numeral_value("九九九九九九九九九九九九"), None);
}

#[test]
fn document_numbers() {
    for s in [
        "国发〔2019〕4号",
        "国办函〔2005〕57号",
        "京政办发[2020]12号",
        "沪府规［2023］7号",
        "京政发［２０２５］１号",
        "国办发 〔2025〕 12 号",
        "国办发〔2025〕12号　签发人：李明",
    ] {
        assert!(is_document_number(s), "{s}");
    }
    for s in [
        "〔2019〕4号",
        "国发〔19〕4号",
        "国发〔2019〕号",
        "第4号",
        "国发〔2019〕4号文件",
        "2号楼",
        "国发〔2019〕4a号",
    ] {
        assert!(!is_document_number(s), "{s}");
    }
}

#[test]
fn the_items_of_a_list_begun_after_a_label_head_nothing() {
    let notice = |attachments: &str| {
        format!(
            "关于做好安全工作的通知\n\n各区人民政府：\n\n{PARA}\n\n一、高度重视\n\n{PARA}\n\n二、强化检查\n\n{PARA}\n\n\
             {attachments}\n\n北京市人民政府办公厅\n\n2025年1月20日\n"
        )
    };
    let headings = ["关于做好安全工作的通知", "一、高度重视", "二、强化检查"];
    let o = outline_of(&notice("附件：1.值班安排表\n2.联系人名单"));
    assert_eq!(texts(&o), headings, "附件：1. begins the list 2. goes on");
    let o = outline_of(&notice("注：（1）值班安排另行通知\n（2）联系人名单"));
    assert_eq!(texts(&o), headings);
}
