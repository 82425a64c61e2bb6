//! Speakers a story names by what they are rather than by name: `赶车的车夫`,
//! `卖豆腐的`, `五岁的孩子`, `主人`. Stories full of passers-by name them so, and a
//! reader takes the phrase as the speaker.

use super::clauses::*;
use super::people::*;
use super::words::*;

/// Nouns for a person that may head a speaker's phrase (`蟹船上的老头`) or stand alone as
/// the subject (`主人问`, `祖母说`); `人` only within a longer noun (`仆人`): `城里的人`
/// and `平常的人` are people in general.
#[rustfmt::skip]
const PERSON_HEADS: &[&str] = &[
    "老人", "老头子", "老頭子", "老头儿", "老頭兒", "老头", "老頭", "老太太", "老太婆", "老婆婆", "老妇人", "老婦人",
    "老者", "孩子", "小孩子", "小孩", "儿子", "兒子", "女儿", "女兒", "母亲", "母親", "父亲", "父親", "外祖母", "外祖父",
    "祖母", "祖父", "奶奶", "爷爷", "爺爺", "姥姥", "主人", "仆人", "僕人", "车夫", "車夫", "绅士", "紳士", "老绅士", "老紳士",
    "和尚", "道士", "姑娘", "妇人", "婦人", "女人", "男人", "汉子", "漢子", "客人", "伙计", "夥計", "小伙子", "小夥子",
    "后生", "後生", "少年", "青年", "妇女", "婦女", "媳妇", "媳婦",
];

/// Words opening a story's clause before its subject (`于是外祖母…`, `似乎卖豆腐的在说`).
const STORY_LEADS: &[&str] = &["于是", "於是", "似乎", "果然", "可是", "后来", "後來", "这时候", "這時候"];

/// Phrases that end like a person's but name no one in particular (`有的`, `别人`).
const NO_ONE: &[&str] =
    &["有的", "有人", "别人", "別人", "旁人", "人人", "人们", "人們", "众人", "眾人", "是的", "别的", "別的"];

/// Characters that cannot open a speaker's phrase: pronouns (`他的儿子` is named by
/// another), words of quantity or doubt, and verbs of being.
const NOT_OPENING: &str =
    "他她它我你您咱谁誰每各某有没沒是别別其这這对對向跟朝冲衝问問给給和与與同把被让讓叫";

/// The subject of an attribution clause: a pronoun or a name ([`People::subject`]), else a
/// person named by what they are (`卖豆腐的`, `主人`).
pub(super) fn subject(people: &People, clause: &str) -> Option<Who> {
    people.subject(clause).or_else(|| role_subject(people, clause))
}

/// The phrase opening `clause` (the words before a speech verb) that names a person by
/// what they are, when only an adverbial stands between it and the verb.
pub(super) fn role_subject(people: &People, clause: &str) -> Option<Who> {
    let clause = strip_story_leads(clause);
    // Each place the phrase may end, shortest first: `赶车的` is followed by `车夫`,
    // which is no adverbial, so `赶车的车夫` is taken.
    for i in clause.char_indices().skip(1).take(9).map(|(i, _)| i).chain([clause.len()]) {
        let (phrase, tail) = clause.split_at(i);
        if role_phrase(people, phrase) && verb_follows(tail) {
            return Some(Who::Name(phrase.to_string(), None));
        }
    }
    None
}

/// `clause` without the words that open it before its subject.
fn strip_story_leads(clause: &str) -> &str {
    let mut clause = strip_leads(clause.trim());
    while let Some(l) = STORY_LEADS.iter().find(|l| clause.starts_with(*l) && clause.len() > l.len()) {
        clause = &clause[l.len()..];
    }
    clause
}

/// Last characters of an office before a name in classical prose (`主簿`, `司隶校尉`,
/// `中郎将`, `太守`, `谏议大夫`).
const OFFICE_ENDS: &str = "尉侍簿薄史守令相将將军軍郎卿臣侯师師帅帥官吏校督丞牧卫衛夫徒";

/// Characters of addressing between a classical subject and `曰` (`谓进曰`, `奏曰`,
/// `入见进曰`): the subject stands before them.
const CLASSICAL_ADDRESS: &str = "谓謂问問告奏叱见見对對向";

/// `主簿陈琳曰`, `司隶校尉袁绍入见进曰`, `潘隐谓进曰`: before `曰`, a surname and one
/// character (a name the text may give only once), alone or after an office, and
/// before any words of addressing. Nothing else may stand before the name, so an object
/// (`拜谒张飞曰`) is never taken for the speaker.
pub(super) fn classical_subject(clause: &str) -> Option<Who> {
    if !clause.chars().all(is_han) || chars(clause) > 12 {
        return None;
    }
    let end = clause.find(|c| CLASSICAL_ADDRESS.contains(c)).unwrap_or(clause.len());
    let head = &clause[..end];
    let head = head.strip_suffix(['入', '出']).filter(|_| end < clause.len()).unwrap_or(head);
    // The name: a double surname and one character, or a surname and one.
    let name = [3, 2].into_iter().find_map(|n| {
        let start = head.char_indices().rev().nth(n - 1)?.0;
        let name = &head[start..];
        let sl = surname_len(name)?;
        (chars(&name[sl..]) == 1 && !GLUED.contains(&name[sl..]) && !NOT_NAMES.contains(&name))
            .then_some(start)
    })?;
    let office = &head[..name];
    let office_ok = office.is_empty() || office.chars().next_back().is_some_and(|c| OFFICE_ENDS.contains(c));
    office_ok.then(|| Who::Name(head[name..].to_string(), None))
}

/// `…文人田汉也有诗句将景德镇称为瓷都，诗曰“…”`: a poem standing as the subject of `曰` or `云`
/// (`诗`, `其诗`) after the sentence has told that someone wrote one (`有诗句`, `作诗`, `题诗`):
/// the poet, further back, is the speaker. A poem someone only read (`读了一首诗`) is not theirs.
pub(super) fn own_poem(bare: &str, sentence: &str) -> bool {
    ["诗", "詩", "其诗", "其詩", "诗中", "詩中"].contains(&bare)
        && (["作诗", "作詩", "赋诗", "賦詩", "题诗", "題詩", "写诗", "寫詩", "写了一首诗", "寫了一首詩"]
            .iter()
            .any(|w| sentence.contains(w))
            || has_a_poem(sentence))
}

/// Whether `sentence` tells that someone has a poem (`有诗句`, `有诗云`, `有诗一首`), not
/// that something has poetry in it (`很有诗意`, `富有诗情`), that there is a poet (`有诗人`),
/// or that someone has none (`没有诗`).
fn has_a_poem(sentence: &str) -> bool {
    ["有诗", "有詩"].iter().any(|w| {
        sentence.match_indices(w).any(|(i, _)| {
            let none = sentence[..i].ends_with(['没', '沒', '无', '無']);
            let not_a_poem = sentence[i + w.len()..].starts_with(|c| "意情味兴興趣性人书書".contains(c));
            !none && !not_a_poem
        })
    })
}

/// Whether `rest` (what follows a name) opens with `的` and a part of the body (`的脸通红`,
/// `的手哆嗦着`): the clause shows that person, who is its subject.
pub(super) fn own_body(rest: &str) -> bool {
    rest.strip_prefix('的').is_some_and(|r| {
        ["脸", "臉", "手", "眼", "嘴", "心", "头", "頭", "声音", "聲音", "嗓子", "眉"]
            .iter()
            .any(|b| r.starts_with(b))
    })
}

/// `主人问：` closing the paragraph before a quote: the named subject of that last
/// clause, when it ends with a speech verb and a colon.
pub(super) fn closing_attribution(people: &People, prev: &str) -> Option<Who> {
    let body = prev.trim_end().strip_suffix(['：', ':'])?;
    let start =
        body.rfind(is_clause_end).map_or(0, |i| i + body[i..].chars().next().map_or(0, char::len_utf8));
    let clause = &body[start..];
    let verb = verb_at_end(clause)?;
    let subject = &clause[..clause.len() - verb];
    // Only a subject opening the clause: one named after a description (`那当年指腹为亲的
    // 母亲`) may be anyone's.
    match self::subject(people, subject)? {
        Who::Name(n, t) if strip_story_leads(subject).starts_with(n.as_str()) => Some(Who::Name(n, t)),
        _ => None,
    }
}

/// Whether what follows a speaker's phrase before the verb only says how it was said
/// (`还`, `在`, `一面`, `嘴里还`) or to whom (`对仆人`, `就向掌柜的`).
fn verb_follows(tail: &str) -> bool {
    let tail = tail.strip_prefix("正在").or_else(|| tail.strip_prefix('在')).unwrap_or(tail);
    let tail = ["嘴里", "嘴裏", "嘴裡"].iter().find_map(|m| tail.strip_prefix(m)).unwrap_or(tail);
    adverbial(tail) || to_whom(tail)
}

/// Verbs that open a phrase naming someone by their trade or part (`卖豆腐的`, `赶车的`,
/// `做母亲的`, `看门的`, `要饭的`). Only these: `的` standing for `地` after any word that says
/// how something is done (`低声的说`, `认真的说`, `无奈的问`) is far too common to list the
/// words it may follow.
const TRADE_VERBS: &str = "卖賣买買赶趕拉做开開送挑摆擺要修打养養教种種放管当當跑扛看守掌收捡撿拾剃算唱说說烧燒扫掃抬推补補磨弹彈吹杀殺宰";

/// Whether `phrase` names a person by what they are: a person noun alone (`主人`), after a
/// demonstrative (`那孩子`), or after words ending in `的` (`赶车的车夫`); or words ending in
/// `的` that say what the person does (`卖豆腐的`, `做母亲的`).
fn role_phrase(people: &People, phrase: &str) -> bool {
    let n = chars(phrase);
    if !(2..=8).contains(&n)
        || !phrase.chars().all(is_han)
        || NO_ONE.contains(&phrase)
        || phrase.starts_with(|c| NOT_OPENING.contains(c)) && !phrase.starts_with(['这', '這'])
        || phrase.char_indices().any(|(i, _)| people.name_at(&phrase[i..]).is_some())
    {
        return false;
    }
    if let Some(done) = phrase.strip_suffix('的') {
        // `卖豆腐的`: a trade verb and its object, two to four characters, none of them `的`.
        return (2..=4).contains(&chars(done))
            && !done.contains('的')
            && done.starts_with(|c| TRADE_VERBS.contains(c));
    }
    let Some(head) = PERSON_HEADS.iter().filter(|h| phrase.ends_with(*h)).max_by_key(|h| h.len()) else {
        return false;
    };
    let before = &phrase[..phrase.len() - head.len()];
    if before.is_empty() || ["那", "这", "這"].contains(&before) {
        return true;
    }
    // `赶车的车夫`, `蟹船上的老头`, `五岁的孩子`: one `的`, right before the head.
    before.ends_with('的') && before.matches('的').count() == 1 && chars(before) >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(w: Option<Who>) -> Option<String> {
        match w {
            Some(Who::Name(n, _)) => Some(n),
            _ => None,
        }
    }

    fn who(clause: &str) -> Option<String> {
        name(role_subject(&People::default(), clause))
    }

    #[test]
    fn a_phrase_ending_in_a_person_noun_is_the_speaker() {
        assert_eq!(who("赶车的车夫"), Some("赶车的车夫".into()));
        assert_eq!(who("五岁的孩子"), Some("五岁的孩子".into()));
        assert_eq!(who("桥头上的老头"), Some("桥头上的老头".into()));
        assert_eq!(who("那孩子"), Some("那孩子".into()));
        assert_eq!(who("于是主人"), Some("主人".into()));
    }

    #[test]
    fn the_one_spoken_to_is_not_the_speaker() {
        // `主人对仆人说`: the speaker opens the clause, the one addressed follows.
        assert_eq!(who("主人对仆人"), Some("主人".into()));
        assert_eq!(who("五岁的孩子问他"), Some("五岁的孩子".into()));
    }

    #[test]
    fn what_a_person_does_with_de_is_the_speaker() {
        assert_eq!(who("似乎卖豆腐的在"), Some("卖豆腐的".into()));
        assert_eq!(who("看门的"), Some("看门的".into()));
        assert_eq!(who("卖糖的老头子还"), Some("卖糖的老头子".into()));
        assert_eq!(who("做母亲的嘴里还"), Some("做母亲的".into()));
    }

    #[test]
    fn no_one_in_particular_is_no_speaker() {
        // Someone, some of them, others: the text does not tell who.
        for clause in ["有人", "有的", "别人", "旁人", "人", "那人", "人们", "这样的", "城里的人", "平常的人"]
        {
            assert_eq!(who(clause), None, "{clause}");
        }
    }

    fn classical(clause: &str) -> Option<String> {
        name(classical_subject(clause))
    }

    #[test]
    fn a_classical_name_after_an_office_speaks() {
        assert_eq!(classical("主簿陈琳"), Some("陈琳".into()));
        assert_eq!(classical("司隶校尉袁绍入见进"), Some("袁绍".into()));
        assert_eq!(classical("潘隐谓进"), Some("潘隐".into()));
        assert_eq!(classical("诸葛亮谓玄德"), Some("诸葛亮".into()));
    }

    #[test]
    fn a_classical_object_is_not_the_speaker() {
        // `拜谒张飞曰`: 张飞 is the one visited; the speaker stands further back.
        assert_eq!(classical("拜谒张飞"), None);
        assert_eq!(classical("玄德谓张飞"), None);
        assert_eq!(classical("帝怒谓陶"), None);
        // A three-character name whose first two are no surname and a name.
        assert_eq!(classical("刘元起"), None);
    }

    #[test]
    fn a_poem_written_is_told_from_poetry_in_a_thing() {
        for s in
            ["田汉也有诗句将景德镇称为瓷都", "后人有诗赞曰", "古人有诗云", "他有诗一首", "李白曾题诗于壁"]
        {
            assert!(own_poem("诗", s), "{s}");
        }
        for s in [
            "导游王芳说这里很有诗意",
            "这幅画富有诗情",
            "王芳说她没有诗",
            "张三说这里没有诗句",
            "李四说这里有诗人来过",
            "王五腹有诗书",
        ] {
            assert!(!own_poem("诗", s), "{s}");
        }
        assert!(!own_poem("他", "田汉也有诗句"));
    }

    #[test]
    fn a_persons_face_or_hands_are_theirs() {
        assert!(own_body("的脸通红"));
        assert!(own_body("的手哆嗦着"));
        assert!(!own_body("的车"));
        assert!(!own_body("和李四"));
    }

    #[test]
    fn how_something_is_said_is_no_speaker() {
        // `的` for `地`: the manner of saying, the subject further back.
        for clause in [
            "低声的",
            "慢慢的",
            "很快的",
            "大胆的",
            "斩钉截铁的",
            "笑嘻嘻的",
            "认真的",
            "无奈的",
            "得意的",
            "疑惑的",
            "严肃的",
            "紧张的",
        ] {
            assert_eq!(who(clause), None, "{clause}");
        }
    }

    #[test]
    fn a_person_named_by_another_is_not_a_role() {
        // `他的儿子` is someone's son: the phrase alone does not name him.
        assert_eq!(who("他的儿子"), None);
        assert_eq!(who("我的母亲"), None);
        // Two `的`: a description, not a role.
        assert_eq!(who("他家的新来的伙计"), None);
    }

    #[test]
    fn a_clause_that_goes_on_past_the_phrase_is_not_a_subject() {
        // The person is the object: `对卖豆腐的`, or the verb is another's.
        assert_eq!(who("对卖豆腐的"), None);
        assert_eq!(who("问卖豆腐的"), None);
        assert_eq!(who("孩子们都笑了，他"), None);
        assert_eq!(who("看见那孩子"), None);
    }
}
