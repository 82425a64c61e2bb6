//! Unit tests of speakers in reports and reference works: people named by a calling or a
//! post, what they wrote about, and the line closing a paragraph about them.

use super::tests::{some, speakers, titled};

#[test]
fn a_calling_before_a_name_is_a_title() {
    assert_eq!(speakers("地理学家张明远说：“山高水长。”"), vec![some("张明远")]);
    assert_eq!(speakers("“很多老人只来吃饭。”社工吴静说。"), vec![some("吴静")]);
    assert_eq!(speakers("“冰雪要清干净。”动车所检修工长刘长河说。"), vec![some("刘长河")]);
}

#[test]
fn one_who_writes_about_something_in_a_book_says_what_follows() {
    let text = "王祯在《农书》中叙述木制活字：“今又有巧便之法，造板木作印盔。”";
    assert_eq!(speakers(text), vec![some("王祯")]);
    // What is written about is short; a long description after the verb is no topic, and
    // a book with no person names no one.
    let text = "王祯叙述当年南宋有人用锡做成活字的经过：“近世又铸锡作字。”";
    assert_eq!(speakers(text), vec![None]);
    assert_eq!(speakers("书中叙述木制活字：“今又有巧便之法。”"), vec![None]);
}

#[test]
fn a_titled_person_opening_the_sentence_before_speaks_for_a_clause_without_subject() {
    let text = "明朝旅行家、地理学家徐霞客两次登临黄山，赞叹说：“五岳归来不看山，黄山归来不看岳。”";
    assert_eq!(speakers(text), vec![some("徐霞客")]);
    // The one visited is another's object.
    let text = "记者采访了地理学家徐霞客，赞叹说：“五岳归来不看山。”";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_line_closing_a_paragraph_about_a_person_of_the_report_is_theirs() {
    let text =
        "进村的车不再空着回来。在大均乡的服务站，站长蓝秀英正把茶叶打包上车。“车上来送件，下去就顺路带货。”";
    assert_eq!(speakers(text), vec![some("蓝秀英")]);
    let text = "食堂负责人沈立告诉记者，一份套餐的成本约8元。“光靠卖老人餐，赚不了钱。”";
    assert_eq!(speakers(text), vec![some("沈立")]);
    // The person as another's object, or named only to tell of someone else: not taken.
    for before in ["记者见到了站长蓝秀英。", "站长蓝秀英的儿子在外地打工。", "站长蓝秀英正在打包。有人笑了。"]
    {
        let text = format!("{before}“车上来送件，下去就顺路带货。”");
        assert_eq!(speakers(&text), vec![None], "{before}");
    }
    // Someone else named in that sentence may be the one speaking.
    let text = "医生张三给病人做了检查，患者李四躺在床上。“我是不是快不行了？”";
    assert_eq!(speakers(text), vec![None]);
    // A line with more after it in the paragraph is not this rule's.
    let text = "站长蓝秀英正把茶叶打包上车。“车上来送件。”司机说。";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_person_of_an_era_is_described_not_titled() {
    let t = titled("清朝人赵士吉曾说：“黄山之奇，信在诸峰。”");
    assert_eq!(t, vec![(some("赵士吉"), None)]);
    // A post is still a title.
    let t = titled("县长赵士吉说：“路修好了。”");
    assert_eq!(t, vec![(some("赵士吉"), some("县长"))]);
}

#[test]
fn an_answer_or_a_reply_is_speech() {
    let text = "王坚说：“走。”\n骄傲的王坚却不屑地回应：“我坐拥百万大军。”";
    assert_eq!(speakers(text), vec![some("王坚"), some("王坚")]);
    // `他回答王融说`: the one answered follows the verb; 他 is the one named before.
    let text = "王坚说：“走。”\n王坚没有杀燕国的大臣。他回答王融说：“汝其息之。”";
    assert_eq!(speakers(text), vec![some("王坚"), some("王坚")]);
    // `响应` (to answer a call) is no speech.
    assert_eq!(speakers("村民们积极响应：“植树造林”活动。"), vec![None]);
}

#[test]
fn one_who_sends_word_by_a_messenger_or_a_letter_says_it() {
    assert_eq!(speakers("胡彬派人给谢玄送信说：“今贼盛，粮尽。”"), vec![some("胡彬")]);
    assert_eq!(speakers("谢玄派人对王融说：“君悬军深入。”"), vec![some("谢玄")]);
    assert_eq!(speakers("王融赶快送信给王坚说：“贼少易擒。”"), vec![some("王融")]);
    for tail in ["派人给谢玄送信", "写信给他", "赶快送信给王坚", "派人对王融", "遣使", "又派人"]
    {
        assert!(super::by_messenger(tail), "{tail}");
    }
    // The one sent or written to is not the sender; other words between are not sending.
    for tail in ["收到谢玄的信", "给谢玄送信的人", "快送信给王坚", "看了信后对众人", "派人给他送来的长信"]
    {
        assert!(!super::by_messenger(tail), "{tail}");
    }
    assert_eq!(speakers("谢玄收到胡彬的信说：“贼盛。”"), vec![None]);
}

#[test]
fn an_author_writing_in_a_book_says_what_follows() {
    // A book's title is one word however long it is.
    let text = "李白在《望庐山瀑布》中写道：“飞流直下三千尺，疑是银河落九天。”";
    assert_eq!(speakers(text), vec![some("李白")]);
    let text = "鲁迅在《故乡》中评价道：“其实地上本没有路，走的人多了，也便成了路。”";
    assert_eq!(speakers(text), vec![some("鲁迅")]);
    // Only the title counts as one word; the words around it count each.
    assert_eq!(super::people::words("李白在《望庐山瀑布》中"), 5);
    assert_eq!(super::people::words("王祯在《农书》中"), 5);
    assert_eq!(super::people::words("在初春的阳光中"), 7);
}

#[test]
fn a_generation_is_no_title() {
    // `一代人马上…`: no name follows `代人`; `清朝人` is a person of a dynasty.
    let mut found = std::collections::HashSet::new();
    super::people::titled_names("这一代人马上就要退休了", &mut found);
    assert!(found.is_empty(), "{found:?}");
    super::people::titled_names("清朝人赵士吉曾说", &mut found);
    assert!(found.contains("赵士吉"), "{found:?}");
}

#[test]
fn a_poem_someone_wrote_is_theirs() {
    let text = "中国的另一著名文人田汉也有诗句将景德镇称为瓷都，诗曰“禹鼎凌烟笔意殊，曾家绝艺蜚瓷都”。";
    assert_eq!(speakers(text), vec![some("田汉")]);
    // A poem read, not written: whose it is, the sentence does not say.
    let text = "著名文人田汉读了一首旧诗，诗曰“禹鼎凌烟笔意殊，曾家绝艺蜚瓷都”。";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_pleased_or_answering_speaker_is_no_hearer() {
    // `惊喜`, `应声`: glad surprise and answering are the speaker's own doings, not a reaction
    // of one who heard the line.
    let text = "大嫂道：“好。”大嫂道：“走。”\n“你来了！”她惊喜地迎上去。";
    assert_eq!(speakers(text), vec![some("大嫂"); 3]);
    let text = "张三道：“好。”李四道：“走。”\n“太好了！”张三惊喜得跳了起来。";
    assert_eq!(speakers(text), vec![some("张三"), some("李四"), some("张三")]);
    let text = "张三道：“好。”李四道：“走。”\n“来了！”张三应声跑出来。";
    assert_eq!(speakers(text), vec![some("张三"), some("李四"), some("张三")]);
}

#[test]
fn a_place_with_poetry_in_it_names_no_poet() {
    // `富有诗意`: the place has poetry in it; 田汉 wrote nothing, nor does a sentence saying
    // no poet came there name one.
    let poem = "诗曰“禹鼎凌烟笔意殊，曾家绝艺蜚瓷都”。";
    for before in [
        "导游王芳说这里很有诗意，",
        "中国的另一著名文人田汉也觉得景德镇富有诗意，",
        "中国的另一著名文人田汉也说景德镇没有诗人来过，",
    ] {
        assert_eq!(speakers(&format!("{before}{poem}")), vec![None], "{before}");
    }
}

#[test]
fn finding_quotes_with_pauses_finds_the_same_quotes_and_pauses_in_every_pass() {
    use super::{PAUSE_EVERY, find_quotes, find_quotes_pausing};
    // A text of many paragraphs with quotes: the pausing search calls its pause now and then
    // in each pass over the paragraphs, and finds what the plain one finds.
    let para = "张三说：“我们明天去上海。”李四点头，又问：“几点出发？”\n";
    let text = para.repeat(4 * PAUSE_EVERY);
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        paragraphs.push(start..start + line.len() - 1);
        start += line.len();
    }
    let mut pauses = 0;
    let pausing = find_quotes_pausing(&text, &paragraphs, &mut || pauses += 1);
    assert_eq!(pausing, find_quotes(&text, &paragraphs));
    assert_eq!(pausing.len(), 2 * paragraphs.len());
    // Four passes (pairs, attributions, people, each quote), each every PAUSE_EVERY paragraphs.
    assert_eq!(pauses, 4 * paragraphs.len().div_ceil(PAUSE_EVERY));
}
