//! The quotations of the bundled article, written down by reading `article/shanghai.txt`:
//! every “…” pair, whether it is speech or a quoted term, and who said it.

mod common;

use yuedu::document::Document;
use yuedu::document::quotes::{QuoteKind, find_quotes};

use QuoteKind::{Speech as S, Term as T};

/// (source line, kind, speaker, the start of the quoted words)
const GOLDEN: &[(usize, QuoteKind, Option<&str>, &str)] = &[
    (1, T, None, "建框架"),
    (1, T, None, "强功能"),
    (2, T, None, "新"),
    (2, T, None, "质"),
    (3, T, None, "从0到100"),
    (3, T, None, "世界之巅"),
    (3, T, None, "高质量发展调研行"),
    (3, T, None, "新"),
    (5, T, None, "建框架"),
    (5, T, None, "强功能"),
    (5, T, None, "质"),
    (6, T, None, "加速度"),
    (7, T, None, "上下楼就是上下游"),
    (7, S, Some("陈海慈"), "这里不仅汇聚了整条产业链"),
    (8, T, None, "首发首秀"),
    (9, T, None, "上海智能算力加速计划"),
    (9, T, None, "可用、够用、好用"),
    (10, S, Some("丁成"), "算力的支持直接决定了"),
    // The paragraph goes on with 丁成 right after the quote.
    (11, S, Some("丁成"), "年轻人就要处在一个发展型赛道"),
    (11, T, None, "模力"),
    (11, T, None, "小型化、年轻化、去帽子化"),
    (12, S, Some("苏楠"), "新兴产业的背后其实是新科技的驱动"),
    (12, T, None, "化学变化"),
    (13, T, None, "从0到100"),
    (14, T, None, "诞生"),
    (14, T, None, "创业0起步、高校0距离"),
    (14, T, None, "创新策源"),
    (14, T, None, "从0到1、再到10,最后成为100"),
    (15, T, None, "节卡公司"),
    (15, T, None, "小巨人"),
    (15, T, None, "重现"),
    (16, S, Some("常莉"), "因为我们需要创新"),
    (17, S, Some("常莉"), "因为在这里,我们可以与高校合作"),
    (17, T, None, "双一流"),
    (17, T, None, "校区、园区、城区"),
    (18, S, Some("徐晖"), "很多交大老师下课后骑车就能过来"),
    (18, T, None, "校内搞科研、校外搞科创"),
    // The sentence begins “徐晖说,” and ends with this quote.
    (18, S, Some("徐晖"), "企业在初创期、成长期、壮大期"),
    (19, T, None, "质"),
    (20, T, None, "指挥"),
    // “她举例说”: the paragraph is about 苏楠.
    (24, S, Some("苏楠"), "我曾经做过用户创新方面的研究"),
    (24, T, None, "首台"),
    (24, T, None, "首个"),
    (25, T, None, "未被满足的需要"),
    (25, S, Some("宁光"), "医生在临床一线能感知到最迫切的医疗需求"),
    // “他说” after a paragraph that continues the one about 宁光; the nested ‘…’ stay inside.
    (26, S, Some("宁光"), "换句话讲,我们的医疗技术真正要涌现的一些‘从0到1’的创新"),
];

#[test]
fn the_bundled_articles_quotes_match_the_golden_list() {
    let doc = Document::bundled();
    let paras: Vec<_> = doc.blocks.iter().map(|b| b.range()).collect();
    let quotes = find_quotes(&doc.text, &paras);
    let got: Vec<(usize, QuoteKind, Option<String>, String)> = quotes
        .iter()
        .map(|q| (doc.line_of(q.start), q.kind, q.speaker.clone(), q.inner(&doc.text).to_string()))
        .collect();
    for (i, want) in GOLDEN.iter().enumerate() {
        let Some(g) = got.get(i) else { panic!("quote {i} missing: {want:?}") };
        assert!(
            g.0 == want.0 && g.1 == want.1 && g.2.as_deref() == want.2 && g.3.starts_with(want.3),
            "quote {i}: want {want:?}, got {g:?}"
        );
    }
    assert_eq!(got.len(), GOLDEN.len(), "extra quotes: {:?}", &got[GOLDEN.len().min(got.len())..]);
    // 46 pairs of “ ” in the file, every one a quote of its own or nested in one.
    assert_eq!(doc.text.matches('“').count(), 46);
}

#[test]
fn each_quote_includes_its_marks_and_nested_single_marks() {
    let doc = Document::bundled();
    let paras: Vec<_> = doc.blocks.iter().map(|b| b.range()).collect();
    let quotes = find_quotes(&doc.text, &paras);
    for q in &quotes {
        let s = &doc.text[q.start..q.end];
        assert!(s.starts_with('“') && s.ends_with('”'), "{s}");
    }
    let last = quotes.last().expect("quotes");
    let s = last.inner(&doc.text);
    assert!(s.contains("‘从0到1’") && s.contains("‘从1到100’") && s.ends_with("发生。"), "{s}");
}

#[test]
fn quotes_command_prints_line_kind_speaker_text() {
    let out = common::stdout_of(&["quotes"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), GOLDEN.len());
    assert!(lines[0].starts_with("1\tterm\t\t建框架"), "{}", lines[0]);
    let ding = lines.iter().find(|l| l.contains("算力的支持")).expect("丁成's quote");
    assert!(ding.starts_with("10\tspeech\t丁成\t算力的支持"), "{ding}");
}

#[test]
fn quotes_json_has_text_without_marks_and_null_speakers() {
    let out = common::stdout_of(&["quotes", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), GOLDEN.len());
    assert_eq!(arr[0]["text"], "建框架");
    assert_eq!(arr[0]["kind"], "term");
    assert!(arr[0]["speaker"].is_null());
    assert_eq!(arr[0]["line"], 1);
    let ning = arr.iter().find(|q| q["speaker"] == "宁光").expect("宁光");
    assert_eq!(ning["kind"], "speech");
    assert_eq!(ning["line"], 25);
    assert!(ning["section"].as_str().is_some_and(|s| s.starts_with("产学研用融合")), "{ning}");
    assert!(ning["start"].as_u64() < ning["end"].as_u64());
}

/// A story as a reader has it: a passer-by named by what they are, a line followed by what
/// its speaker did, a line going on after its attribution, and one spoken to by a pronoun.
#[test]
fn quotes_command_names_speakers_of_a_story() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.txt");
    let story = "门前聚了一群狗在咬，主人问：\n\n“咬什么？”\n\n\
                 张三道：“走吧。”\n\n“好！”张三满意了。\n\n\
                 “我不去！”张三摇头说。“你自己去吧。”\n\n\
                 李四道：“来。”李四走进门来，他对张三说：“你来。”\n";
    std::fs::write(&path, story).expect("write");
    let out = common::stdout_of(&["quotes", path.to_str().expect("path")]);
    let speakers: Vec<(&str, &str)> = out
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((*f.get(2)?, *f.get(3)?))
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("主人", "咬什么？"),
            ("张三", "走吧。"),
            ("张三", "好！"),
            ("张三", "我不去！"),
            ("张三", "你自己去吧。"),
            ("李四", "来。"),
            ("李四", "你来。"),
        ],
        "{out}"
    );
}
