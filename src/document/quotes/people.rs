//! The people of a text: the names that recur as subjects of its speech verbs, those a
//! title introduces, and who a clause names.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::clauses::*;
use super::words::*;
/// Who a clause before or after a quote names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Who {
    /// A name, with the title chain before it (news).
    Name(String, Option<String>),
    /// 他 / 她 / 他们: the person last named; `true` for 她 / 她们, who is a woman.
    Pronoun(bool),
}

/// The names of one text: subjects of its speech verbs, and people introduced by a title.
#[derive(Default)]
pub(super) struct People {
    pub(super) names: HashSet<String>,
    /// Names found after a title (`村民岑福林`): people of a report.
    pub(super) titled: HashSet<String>,
    /// One-character subjects (`靖曰`, `植谓玄德曰`) that stand before a speech verb at
    /// least twice: short forms of a full name.
    pub(super) short: HashSet<char>,
    /// First characters of `names` and `titled`: most places in a text start no name,
    /// and this rules them out before any lookup.
    pub(super) firsts: HashSet<char>,
}

/// Whether a name or role is a woman's (`王氏`, `小顺儿的妈`, `大嫂`, `夫人`).
fn womans(name: &str) -> bool {
    name.chars().next_back().is_some_and(|c| "妈媽娘母婆奶姥嫂姐妹女妇婦姑姨婶嬸妻氏后".contains(c))
        || ["太太", "小姐", "夫人"].iter().any(|w| name.ends_with(w))
}

/// Whether a name or role is a man's (`李四爷`, `太公`, `默吟先生`) or may well be
/// (`祁老人`): 她 does not stand for it.
fn mans(name: &str) -> bool {
    name.chars().next_back().is_some_and(|c| "爷爺公父叔伯哥弟郎翁夫汉漢僧王帝人".contains(c))
        || name.ends_with("先生")
}

/// How far back a pronoun looks for the person it stands for, in characters.
pub(super) const LOOKBACK: usize = 1000;

impl People {
    /// The longest known name that `s` starts with.
    pub(super) fn name_at<'s>(&self, s: &'s str) -> Option<&'s str> {
        let first = s.chars().next()?;
        if !is_han(first) || !self.firsts.contains(&first) {
            return None;
        }
        (2..=5)
            .rev()
            .filter_map(|n| take_chars(s, n))
            .find(|n| self.names.contains(*n) || self.titled.contains(*n))
    }

    /// The known name opening a clause, after a demonstrative (`那后生喝道` → 后生) or with
    /// an epithet that is part of a name (`美猴王`), and the rest of the clause after it.
    pub(super) fn opening_name<'s>(&self, clause: &'s str) -> Option<(&'s str, &'s str)> {
        if let Some(n) = self.name_at(clause) {
            return Some((n, &clause[n.len()..]));
        }
        if let Some(bare) = DEMONSTRATIVES.iter().find_map(|d| clause.strip_prefix(d)) {
            return self.name_at(bare).map(|n| (n, &bare[n.len()..]));
        }
        let bare = EPITHETS.iter().find_map(|d| clause.strip_prefix(d))?;
        let n = self.name_at(bare)?;
        let end = clause.len() - bare.len() + n.len();
        Some((&clause[..end], &clause[end..]))
    }

    /// Whether a known name stands anywhere in `s`.
    pub(super) fn mentions_anyone(&self, s: &str) -> bool {
        s.char_indices().any(|(i, _)| self.name_at(&s[i..]).is_some())
    }

    pub(super) fn known(&self, s: &str) -> bool {
        self.names.contains(s) || self.titled.contains(s)
    }

    /// The person a pronoun stands for: the last known name that starts in `text[range]`
    /// (within [`LOOKBACK`] characters of its end): for 她 a woman's, or a person of a
    /// report not known as a man; for 他 anyone not known as a woman.
    pub(super) fn last_of<'t>(&self, text: &'t str, range: Range<usize>, she: bool) -> Option<&'t str> {
        let s = &text[range.clone()];
        s.char_indices()
            .rev()
            .take(LOOKBACK)
            .filter_map(|(i, _)| self.name_at(&text[range.start + i..]))
            .find(|n| if she { womans(n) || self.titled.contains(*n) && !mans(n) } else { !womans(n) })
    }

    /// A name standing after a title, or opening the clause (`首席架构师丁成`, `卢静怡`),
    /// with an adverbial after it: the subject of a news attribution.
    pub(super) fn titled_subject(&self, clause: &str) -> Option<Who> {
        // Every place a name may start: the clause start or right after a title.
        let mut starts = vec![0];
        for (i, _) in clause.char_indices().skip(1) {
            let before = clause[..i].chars().next_back();
            if before == Some('的') || before.is_some_and(ends_a_title) && ends_with_title(&clause[..i]) {
                starts.push(i);
            }
        }
        for &p in starts.iter().rev() {
            let rest = &clause[p..];
            // After a title, surnames that also begin words count too (`副总裁常莉`).
            let loose =
                rest.chars().next().filter(|&c| p > 0 && MORE_SURNAMES.contains(c)).map(char::len_utf8);
            let Some(sl) = surname_len(rest).or(loose) else { continue };
            let char_before = clause[..p].chars().next_back();
            if char_before.is_some_and(|c| "向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
            {
                continue;
            }
            // The name: surname and one or two characters; known names first, then the
            // length that leaves an adverbial before the verb.
            let lens: Vec<usize> = [3usize, 2, 4]
                .into_iter()
                .filter_map(|n| take_chars(rest, n).map(str::len))
                .filter(|&l| l > sl && rest[..l].chars().all(is_han))
                .filter(|&l| !rest[..l].chars().next_back().is_some_and(|c| GLUED.contains(c)))
                .collect();
            // What may stand between the name and the verb: an adverbial, or after a name
            // opening the clause, the words of sending it (`胡彬派人给谢玄送信说`).
            let between = |t: &str| adverbial(t) || p == 0 && by_messenger(t);
            let pick =
                lens.iter().copied().find(|&l| self.known(&rest[..l]) && between(&rest[l..])).or_else(|| {
                    lens.iter()
                        .copied()
                        .filter(|&l| l <= sl + 6)
                        .find(|&l| between(&rest[l..]) && chars(&rest[..l]) <= 3)
                });
            let Some(l) = pick else { continue };
            let name = &rest[..l];
            if NOT_NAMES.contains(&name) {
                continue;
            }
            let title = if p > 0 { title_chain(&clause[..p]) } else { None };
            if p > 0 && title.is_none() {
                continue;
            }
            if p == 0 && !self.known(name) && words(clause) > chars(name) + 8 {
                continue;
            }
            return Some(Who::Name(name.to_string(), title));
        }
        None
    }

    /// `明朝旅行家、地理学家徐霞客两次登临黄山`, `站长蓝秀英正把…`: a person of the report
    /// (named after a title) opening `clause` after nothing but their title chain, and not
    /// joined to another word; a name after words that do something (`采访了村民张三`) is
    /// another's object.
    pub(super) fn titled_opener<'s>(&self, clause: &'s str) -> Option<&'s str> {
        let (i, n) = clause.char_indices().skip(1).take(20).find_map(|(i, _)| {
            self.name_at(&clause[i..]).filter(|n| self.titled.contains(*n)).map(|n| (i, n))
        })?;
        let plain = clause[..i].split('、').all(|part| {
            TITLE_ENDS.longest_at_end(part).is_some_and(|t| {
                // What stands before a `的` describes the person (`中国的另一著名文人`).
                let head = &part[..part.len() - t.len()];
                let head = head.rsplit_once('的').map_or(head, |(_, h)| h);
                chars(head) <= 6
                    && !head.contains(|c| {
                        "了着过過见見看听聽问問请請让讓叫给給对對向把被和与與同跟访訪说說".contains(c)
                    })
            })
        });
        let joined = clause[i + n.len()..].chars().next().is_none_or(|c| JOINS_NAME.contains(c));
        (plain && !joined).then_some(n)
    }

    /// The subject of an attribution clause (the words before its speech verb).
    pub(super) fn subject(&self, clause: &str) -> Option<Who> {
        let clause = strip_leads(clause.trim());
        for p in ["他们", "她们", "他們", "她們", "他", "她"] {
            // `他对张三说`: the one spoken to follows the pronoun.
            if clause.strip_prefix(p).is_some_and(|t| adverbial(t) || to_whom(t)) {
                return Some(Who::Pronoun(p.starts_with('她')));
            }
        }
        // A known name opening the clause: `猴王慌忙磕头不住道`, `宝玉又向黛玉道`.
        if let Some((n, rest)) = self.opening_name(clause) {
            let joined = rest.chars().next().is_some_and(|c| JOINS_NAME.contains(c));
            if !joined {
                let title = None;
                return Some(Who::Name(n.to_string(), title));
            }
            return None;
        }
        if let Some(w) = self.titled_subject(clause) {
            return Some(w);
        }
        // A known name right before the verb: `…的卜师傅也说`.
        for (i, _) in clause.char_indices().rev().take(8) {
            if let Some(n) = self.name_at(&clause[i..]) {
                let before = clause[..i].chars().next_back();
                if adverbial(&clause[i + n.len()..])
                    && before.is_none_or(|c| !"向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
                    && (before.is_none_or(|c| !is_han(c))
                        || clause[..i].ends_with('的')
                        || title_chain(&clause[..i]).is_some()
                        || nickname(&clause[..i]) && i + n.len() == clause.len())
                {
                    return Some(Who::Name(n.to_string(), title_chain(&clause[..i])));
                }
            }
        }
        None
    }
}

/// Candidate names of a text: subjects standing alone before a speech verb (`宝玉道`,
/// `凤姐笑道`), counted; and names after a title anywhere near a quote.
pub(super) fn collect_people(
    text: &str,
    paras: &[Range<usize>],
    all_pairs: &[Vec<Range<usize>>],
    all_attr: &[Vec<Attribution>],
    now_and_then: &mut dyn FnMut(usize),
) -> People {
    // Per candidate: how often it stands alone before a speech verb, and whether once at
    // the start of a sentence (a name does; a predicate like `大怒` follows its subject).
    let mut counts: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut openings: HashMap<&str, usize> = HashMap::new();
    let mut kin: HashMap<&str, usize> = HashMap::new();
    let mut subjects: Vec<&str> = Vec::new();
    let empty = People::default();
    let mut titled = HashSet::new();
    let mut short: HashMap<char, usize> = HashMap::new();
    let mut scanned: Option<usize> = None;
    for (pi, attrs) in all_attr.iter().enumerate() {
        now_and_then(pi);
        if all_pairs[pi].is_empty() {
            continue;
        }
        for a in attrs {
            let mut subject = strip_leads(text[a.clause_start..a.verb_start].trim());
            if let Some(bare) = DEMONSTRATIVES.iter().find_map(|d| subject.strip_prefix(d)) {
                subject = bare;
            }
            let mut cs = subject.chars();
            if let (Some(c), rest) =
                (cs.next(), cs.as_str().trim_start_matches(|m| MODIFIER_CHARS.contains(m)))
                && is_han(c)
                && (rest.is_empty() || rest.starts_with(['谓', '謂', '问', '問', '对', '對', '向']))
            {
                *short.entry(c).or_default() += 1;
            }
            // Strip modifiers and glued verbs from the end: `凤姐冷笑` → `凤姐`, `院公出来问`
            // → `院公`.
            for _ in 0..6 {
                if let Some(w) = MODIFIER_ENDS.longest_at_end(subject).filter(|w| subject.len() > w.len()) {
                    subject = &subject[..subject.len() - w.len()];
                } else if let Some(c) = subject
                    .chars()
                    .next_back()
                    .filter(|&c| (TRAILING_MODIFIERS.contains(c) || GLUED.contains(c)) && chars(subject) > 2)
                {
                    subject = &subject[..subject.len() - c.len_utf8()];
                }
            }
            // The words opening a subject clause that goes on, or the sentence of a clause
            // with no subject (`那后生听了大怒，喝道`): a name standing alone elsewhere that
            // also opens these recurs as a subject.
            let whole = strip_leads(text[a.clause_start..a.verb_start].trim());
            let opening = if whole.chars().next().is_none_or(|c| PREDICATE_STARTS.contains(c)) {
                let para = &text[paras[pi].start..a.clause_start];
                let start = para
                    .rfind(|c| is_sentence_end(c) || is_close(c))
                    .map_or(0, |i| i + para[i..].chars().next().map_or(0, char::len_utf8));
                let sentence = &para[start..];
                &sentence[..sentence.find(is_clause_end).unwrap_or(sentence.len())]
            } else {
                whole
            };
            let opening = DEMONSTRATIVES.iter().find_map(|d| opening.strip_prefix(d)).unwrap_or(opening);
            if opening != subject {
                for n in [2, 3].into_iter().filter_map(|n| take_chars(opening, n)) {
                    *openings.entry(n).or_default() += 1;
                }
            }
            // `小顺儿的妈以长媳的资格大胆的问`: a person named by kin of another.
            if let Some(k) = kin_of(opening) {
                *kin.entry(k).or_default() += 1;
            }
            if plausible_name(subject) {
                let before = text[paras[pi].start..a.clause_start].trim_end().chars().next_back();
                let opens = before.is_none_or(|c| is_sentence_end(c) || is_close(c));
                let e = counts.entry(subject).or_default();
                e.0 += 1;
                e.1 |= opens;
            }
            subjects.push(text[a.clause_start..a.verb_start].trim());
            if let Some(Who::Name(n, Some(_))) = empty.titled_subject(&text[a.clause_start..a.verb_start]) {
                titled.insert(n);
            }
        }
        // People introduced by a title in this paragraph or the one before (each
        // paragraph read once).
        for p in pi.saturating_sub(1)..=pi {
            if scanned.is_none_or(|s| p > s) {
                titled_names(&text[paras[p].clone()], &mut titled);
                scanned = Some(p);
            }
        }
    }
    let mut names: HashSet<String> = counts
        .into_iter()
        .filter(|&(n, (c, opens))| {
            let recurs = c >= 2 || openings.get(n).is_some_and(|&o| o >= 1);
            opens && (recurs || ROLE_NOUNS.contains(&n) || (surname_len(n).is_some() && chars(n) <= 3))
        })
        .map(|(n, _)| n.to_string())
        .collect();
    // What follows a name in a subject is not a name (`史進大怒道` → 大怒), nor is a name
    // with a verb glued on (`史進喝`).
    let mut drop = HashSet::new();
    for s in &subjects {
        for n in (2..=4).rev().filter_map(|k| take_chars(s, k)) {
            if n.len() < s.len() && names.contains(n) {
                let rest = &s[n.len()..];
                for k in 1..=4 {
                    if let Some(r) = take_chars(rest, k) {
                        drop.insert(r.to_string());
                    }
                }
                break;
            }
        }
    }
    names.extend(kin.into_iter().filter(|&(_, c)| c >= 2).map(|(k, _)| k.to_string()));
    // Kin and roles opening a subject clause (`母亲含着眼泪还说`).
    names.extend(ROLE_NOUNS.iter().filter(|r| openings.contains_key(*r)).map(|r| r.to_string()));
    let glued: Vec<String> = names
        .iter()
        .filter(|n| {
            let last = n.chars().next_back().unwrap_or('的');
            let stem = &n[..n.len() - last.len_utf8()];
            names.contains(stem) && !"家的儿兒子氏公娘婆姐哥弟妹爷爺叔伯太老王".contains(last)
        })
        .cloned()
        .collect();
    for n in drop.iter().chain(&glued) {
        names.remove(n);
    }
    let short = short.into_iter().filter(|&(_, n)| n >= 2).map(|(c, _)| c).collect();
    let firsts = names.iter().chain(&titled).filter_map(|n| n.chars().next()).collect();
    if std::env::var_os("YUEDU_NAMES").is_some() {
        let mut v: Vec<_> = names.iter().collect();
        v.sort();
        eprintln!("NAMES {v:?}\nSHORT {short:?}");
    }
    People { names, titled, short, firsts }
}

/// The length of `s` in characters, a book's title in `《》` counting as one
/// (`王祯在《农书》中`, `李白在《望庐山瀑布》中` are as long as each other to a reader).
pub(super) fn words(s: &str) -> usize {
    let mut n = 0;
    let mut in_title = false;
    for c in s.chars() {
        match c {
            '《' => in_title = true,
            '》' if in_title => {
                in_title = false;
                n += 1;
            }
            _ if !in_title => n += 1,
            _ => {}
        }
    }
    n + usize::from(in_title)
}

/// `跳涧虎`, `白花蛇`: three Han characters before a name and its verb, none a verb of
/// addressing or seeing, are a nickname.
fn nickname(s: &str) -> bool {
    chars(s) == 3
        && s.chars().all(|c| is_han(c) && !OBJECT_MARKS.contains(c) && !"见見看听聽请請让讓使令".contains(c))
}

/// `小顺儿的妈…`: two or three characters, `的` and a word of kin opening `s` (five
/// characters at most).
fn kin_of(s: &str) -> Option<&str> {
    let i = s.find('的')?;
    let owner = &s[..i];
    let rest = &s[i + '的'.len_utf8()..];
    let k = KIN.iter().find(|k| rest.starts_with(*k))?;
    let name = &s[..i + '的'.len_utf8() + k.len()];
    ((2..=3).contains(&chars(owner))
        && owner.chars().all(is_han)
        && chars(name) <= 5
        && plausible_name(owner))
    .then_some(name)
}

/// Names right after a title (`村民岑福林种了`): two or three characters; and a surname
/// with a form of address (`卜师傅`).
pub(super) fn titled_names(s: &str, out: &mut HashSet<String>) {
    for (i, c) in s.char_indices() {
        if matches!(c, '师' | '師' | '阿' | '大' | '先' | '女' | '老')
            && let Some(a) = ADDRESS.iter().find(|a| s[i..].starts_with(*a))
            && let Some(sur) = s[..i].chars().next_back()
            && is_surname(sur)
        {
            let before = s[..i - sur.len_utf8()].chars().next_back();
            if before.is_none_or(|b| !is_han(b) || b == '的') {
                out.insert(format!("{sur}{a}"));
            }
        }
        if !ends_a_title(c) {
            continue;
        }
        let end = i + c.len_utf8();
        if !ends_with_title(&s[..end]) {
            continue;
        }
        let rest = &s[end..];
        let Some(first) = rest.chars().next().filter(|&c| MORE_SURNAME_SET.contains(c) || is_surname(c))
        else {
            continue;
        };
        let sl = surname_len(rest).unwrap_or(first.len_utf8());
        let loose = !is_surname(first);
        let three = take_chars(rest, 3).filter(|n| n.len() > sl && n.chars().all(is_han));
        let stop = |n: &str| {
            n.chars().next_back().is_some_and(|c| "说說表称稱在是的和与與也都就还還等了着著对對向从從把被给給认認指强強介坦直告回感补補分透笑又则則称曾为為到去来來".contains(c))
        };
        let name = match three {
            Some(n) if !stop(n) => Some(n),
            _ => take_chars(rest, 2).filter(|n| n.len() > sl && n.chars().all(is_han)),
        };
        let glued = |n: &&str| n.chars().next_back().is_some_and(|c| GLUED.contains(c));
        // A surname that also begins words only before a clear end of the name.
        let ends = |n: &&str| {
            rest[n.len()..].chars().next().is_none_or(|c| !is_han(c) || "的说說表称稱告".contains(c))
        };
        let name = name.filter(|n| !loose || ends(n));
        if let Some(n) = name.filter(|n| !NOT_NAMES.contains(n) && !glued(n)) {
            out.insert(n.to_string());
        }
    }
}
