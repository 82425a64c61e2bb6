//! Measures yuedu's analyses (outline, figures, quotes, speakers) against the labelled
//! corpus in `tests/corpus/`. Shared by `examples/eval.rs` (prints the table) and
//! `tests/corpus_eval.rs` (fails when a total drops below its target).
//!
//! Matching is exact: a heading by its line, a figure by its line and text, a quote by the
//! line of its opening mark and its words. Counts are summed over texts (micro averages),
//! so a long text weighs by what it holds.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use yuedu::document::{BlockKind, Document, figures, load, quotes};

/// One label file (`tests/corpus/labels/<id>.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub kind: String,
    #[serde(default)]
    pub title: Option<usize>,
    /// The last line of a title set over several lines (an official document's).
    #[serde(default)]
    pub title_end: Option<usize>,
    #[serde(default)]
    pub heading: Vec<LabelHeading>,
    #[serde(default)]
    pub figures: Option<Range>,
    #[serde(default)]
    pub figure: Vec<LabelFigure>,
    #[serde(default)]
    pub quotes: Option<Range>,
    #[serde(default)]
    pub quote: Vec<LabelQuote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelHeading {
    pub line: usize,
    pub level: u8,
    #[serde(default)]
    pub text: String,
}

/// The labelled line range of figures or quotes (inclusive); the whole text without it.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct Range {
    #[serde(default)]
    pub lines: Option<(usize, usize)>,
}

impl Range {
    fn contains(&self, line: usize) -> bool {
        self.lines.is_none_or(|(a, b)| (a..=b).contains(&line))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelFigure {
    pub line: usize,
    pub text: String,
    pub kind: String,
}

/// One name, or several forms of the same person's name.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum Names {
    One(String),
    Many(Vec<String>),
}

impl Names {
    pub fn accepts(&self, name: &str) -> bool {
        match self {
            Names::One(n) => n == name,
            Names::Many(ns) => ns.iter().any(|n| n == name),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelQuote {
    pub line: usize,
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub speaker: Option<Names>,
    /// The title chain before the name (news); scored among the speakers named right.
    #[serde(default)]
    pub speaker_title: Option<String>,
}

/// Hits and misses of one feature: `found` by the program, `labelled` by a reader, `right`
/// in both; `kind_right` of the right ones also have the right kind (or level).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub found: usize,
    pub labelled: usize,
    pub right: usize,
    pub kind_right: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.labelled += o.labelled;
        self.right += o.right;
        self.kind_right += o.kind_right;
    }
    /// Share of what was found that is right (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    /// Share of what was labelled that was found.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.labelled)
    }
    /// Share of the right ones with the right kind or level.
    pub fn kind(&self) -> f64 {
        ratio(self.kind_right, self.right)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The scores of one text; `None` where that feature is not labelled in it.
#[derive(Debug, Default, Clone)]
pub struct TextScore {
    pub id: String,
    pub kind: String,
    pub title_right: bool,
    pub headings: Score,
    pub figures: Option<Score>,
    pub quotes: Option<Score>,
    /// Speakers: `found` = quotes the program names a speaker for (of the labelled ones it
    /// matched), `labelled` = labelled quotes with a speaker, `right` = named right.
    pub speakers: Option<Score>,
    /// Speaker titles, of the quotes whose speaker is named right: `found` = titles the
    /// program gives, `labelled` = titles in the labels, `right` = the same title.
    pub titles: Option<Score>,
    /// What went wrong, one line each, for reading the misses.
    pub misses: Vec<String>,
}

/// The corpus folder: `YUEDU_CORPUS` when set (to measure one checkout on another's
/// corpus), else this checkout's `tests/corpus`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("YUEDU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"))
}

/// Every labelled text's id, sorted (the web pages, `web-…`, are [`web_ids`]).
pub fn ids() -> Vec<String> {
    label_ids().into_iter().filter(|id| !id.starts_with("web-")).collect()
}

/// Every labelled web page's id, sorted (`pages/<id>.html`, scored by `web.rs`).
pub fn web_ids() -> Vec<String> {
    label_ids().into_iter().filter(|id| id.starts_with("web-")).collect()
}

fn label_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(corpus_dir().join("labels"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str()?.strip_suffix(".toml").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

/// Reads a label file.
pub fn read_label(id: &str) -> Result<Label, String> {
    let path = corpus_dir().join("labels").join(format!("{id}.toml"));
    let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&s).map_err(|e| format!("{}: {e}", path.display()))
}

/// Opens a corpus text the way the reader opens a file.
pub fn open(id: &str) -> Result<Document, String> {
    let path = corpus_dir().join("texts").join(format!("{id}.txt"));
    let decoded = load::read_file(&path, None).map_err(|e| e.to_string())?;
    Ok(Document::new(format!("{id}.txt"), decoded))
}

/// A quote's words as a reader labels them: without the opening mark, and without the
/// closing one when it has one (a quote left open at a paragraph's end has none).
pub fn quote_words<'a>(text: &'a str, q: &quotes::Quote) -> &'a str {
    let s = &text[q.start..q.end];
    let mut chars = s.chars();
    chars.next();
    let rest = chars.as_str();
    match rest.chars().next_back() {
        Some('”' | '」' | '’' | '』' | '"') => {
            &rest[..rest.len() - rest.chars().next_back().map_or(0, char::len_utf8)]
        }
        _ => rest,
    }
}

/// Scores the speaker found for a quote (`found`) against its label's, in `sp`, with a
/// line in `misses` for a miss at `at`; whether it is named right.
pub fn judge_speaker(
    found: Option<&str>,
    labelled: Option<&Names>,
    sp: &mut Score,
    misses: &mut Vec<String>,
    at: &str,
) -> bool {
    sp.found += usize::from(found.is_some());
    match (found, labelled) {
        (Some(name), Some(names)) if names.accepts(name) => {
            sp.right += 1;
            sp.kind_right += 1;
            return true;
        }
        (Some(name), Some(names)) => misses.push(format!("speaker {name} (labelled {names:?}): {at}")),
        (Some(name), None) => misses.push(format!("speaker {name} (labelled none): {at}")),
        (None, Some(names)) => misses.push(format!("speaker missed {names:?}: {at}")),
        (None, None) => {}
    }
    false
}

/// Scores one text.
pub fn score(id: &str) -> Result<TextScore, String> {
    let label = read_label(id)?;
    let doc = open(id)?;
    let mut out = TextScore { id: id.to_owned(), kind: label.kind.clone(), ..Default::default() };

    // Title and headings.
    // The title's lines: the first title block and those of the title that follow it.
    let first_title = doc.blocks.iter().position(|b| b.kind == BlockKind::Title);
    let title_line = first_title.map(|i| doc.blocks[i].line);
    let title_end = first_title.map(|i| {
        let run = doc.blocks[i..].iter().take_while(|b| b.kind == BlockKind::Title);
        run.last().map_or(doc.blocks[i].line, |b| b.line)
    });
    let labelled_end = label.title_end.or(label.title);
    out.title_right = title_line == label.title && title_end == labelled_end;
    if !out.title_right {
        out.misses.push(format!(
            "title: found lines {title_line:?} to {title_end:?}, labelled {:?} to {labelled_end:?}",
            label.title
        ));
    }
    let offset = u8::from(title_line.is_some());
    let found: HashMap<usize, (u8, &str)> = doc
        .headings
        .iter()
        .filter(|h| doc.blocks[h.block].kind != BlockKind::Title)
        .map(|h| (doc.blocks[h.block].line, (h.level.saturating_sub(offset), doc.block_text(h.block))))
        .collect();
    let mut hs = Score { found: found.len(), labelled: label.heading.len(), ..Default::default() };
    let mut labelled_lines = std::collections::HashSet::new();
    for h in &label.heading {
        labelled_lines.insert(h.line);
        match found.get(&h.line) {
            Some(&(level, _)) => {
                hs.right += 1;
                if level == h.level {
                    hs.kind_right += 1;
                } else {
                    out.misses
                        .push(format!("heading level {level} (labelled {}): {}:{}", h.level, h.line, h.text));
                }
            }
            None => out.misses.push(format!("heading missed: {}:{}", h.line, h.text)),
        }
    }
    let mut extra: Vec<_> = found.iter().filter(|(l, _)| !labelled_lines.contains(l)).collect();
    extra.sort();
    for (line, (_, text)) in extra {
        out.misses.push(format!("heading invented: {line}:{text}"));
    }
    out.headings = hs;

    // Figures.
    if let Some(range) = label.figures {
        let mut want: HashMap<(usize, &str), Vec<&str>> = HashMap::new();
        for f in &label.figure {
            want.entry((f.line, f.text.as_str())).or_default().push(f.kind.as_str());
        }
        let mut s = Score { labelled: label.figure.len(), ..Default::default() };
        for f in figures::find_all(&doc) {
            let line = doc.line_of(f.start);
            if !range.contains(line) {
                continue;
            }
            s.found += 1;
            let text = f.text(&doc.text);
            // Where one line holds the same text more than once, a label of the found
            // kind is taken first (the order of equal labels says nothing).
            let kinds = want.get_mut(&(line, text)).filter(|k| !k.is_empty());
            let taken = kinds.map(|k| {
                let at = k.iter().position(|x| *x == f.kind.name()).unwrap_or(k.len() - 1);
                k.remove(at)
            });
            match taken {
                Some(kind) => {
                    s.right += 1;
                    if kind == f.kind.name() {
                        s.kind_right += 1;
                    } else {
                        out.misses
                            .push(format!("figure kind {} (labelled {kind}): {line}:{text}", f.kind.name()));
                    }
                }
                None => out.misses.push(format!("figure invented: {line}:{text}")),
            }
        }
        let mut missed: Vec<_> = want.iter().filter(|(_, k)| !k.is_empty()).map(|(k, _)| *k).collect();
        missed.sort();
        for (line, text) in missed {
            out.misses.push(format!("figure missed: {line}:{text}"));
        }
        out.figures = Some(s);
    }

    // Quotes and speakers.
    if let Some(range) = label.quotes {
        let mut want: HashMap<(usize, &str), Vec<&LabelQuote>> = HashMap::new();
        for q in &label.quote {
            want.entry((q.line, q.text.as_str())).or_default().push(q);
        }
        let mut s = Score { labelled: label.quote.len(), ..Default::default() };
        let mut sp = Score {
            labelled: label.quote.iter().filter(|q| q.speaker.is_some()).count(),
            ..Default::default()
        };
        let mut ts = Score::default();
        for q in quotes::find_quotes(&doc.text, &doc.blocks.iter().map(|b| b.range()).collect::<Vec<_>>()) {
            let line = doc.line_of(q.start);
            if !range.contains(line) {
                continue;
            }
            s.found += 1;
            let words = quote_words(&doc.text, &q);
            let short: String = words.chars().take(24).collect();
            let Some(l) = want.get_mut(&(line, words)).and_then(|v| v.pop()) else {
                out.misses.push(format!("quote invented: {line}:{short}"));
                if let Some(name) = &q.speaker {
                    sp.found += 1;
                    out.misses.push(format!("speaker of an invented quote: {name} at {line}:{short}"));
                }
                continue;
            };
            s.right += 1;
            if l.kind == q.kind.name() {
                s.kind_right += 1;
            } else {
                out.misses.push(format!(
                    "quote kind {} (labelled {}): {line}:{short}",
                    q.kind.name(),
                    l.kind
                ));
            }
            let at = format!("{line}:{short}");
            if judge_speaker(q.speaker.as_deref(), l.speaker.as_ref(), &mut sp, &mut out.misses, &at) {
                ts.found += usize::from(q.speaker_title.is_some());
                ts.labelled += usize::from(l.speaker_title.is_some());
                match (&q.speaker_title, &l.speaker_title) {
                    (Some(a), Some(b)) if a == b => ts.right += 1,
                    (None, None) => {}
                    (a, b) => out.misses.push(format!("speaker title {a:?} (labelled {b:?}): {at}")),
                }
            }
        }
        let mut missed: Vec<_> = want.iter().filter(|(_, v)| !v.is_empty()).map(|(k, _)| *k).collect();
        missed.sort();
        for (line, text) in missed {
            let short: String = text.chars().take(24).collect();
            out.misses.push(format!("quote missed: {line}:{short}"));
        }
        out.quotes = Some(s);
        out.speakers = Some(sp);
        out.titles = Some(ts);
    }
    Ok(out)
}

/// Totals of a set of texts.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    pub texts: usize,
    pub titles_right: usize,
    pub headings: Score,
    pub figures: Score,
    pub quotes: Score,
    pub speakers: Score,
    pub titles: Score,
}

impl Totals {
    pub fn add(&mut self, t: &TextScore) {
        self.texts += 1;
        self.titles_right += usize::from(t.title_right);
        self.headings.add(t.headings);
        for (sum, s) in [
            (&mut self.figures, t.figures),
            (&mut self.quotes, t.quotes),
            (&mut self.speakers, t.speakers),
            (&mut self.titles, t.titles),
        ] {
            if let Some(s) = s {
                sum.add(s);
            }
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn cells(s: Option<Score>, with_kind: bool) -> String {
    match s {
        Some(s) if with_kind => format!("{} {} {}", pct(s.precision()), pct(s.recall()), pct(s.kind())),
        Some(s) => format!("{} {}", pct(s.precision()), pct(s.recall())),
        None if with_kind => format!("{:>5} {:>5} {:>5}", "-", "-", "-"),
        None => format!("{:>5} {:>5}", "-", "-"),
    }
}

/// The table: one row per text, then a total per kind and over all texts. Columns are
/// precision, recall and kind (or level) accuracy, in percent.
pub fn table(scores: &[TextScore]) -> (String, Vec<(String, Totals)>) {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<36} {:>5} | {:^17} | {:^17} | {:^17} | {:^11}",
        "text", "title", "headings P R lvl", "figures P R kind", "quotes P R kind", "speakers P R"
    );
    let row = |s: &mut String, name: &str, title: String, h: Option<Score>, f, q, sp| {
        let _ = writeln!(
            s,
            "{name:<36} {title:>5} | {} | {} | {} | {}",
            cells(h, true),
            cells(f, true),
            cells(q, true),
            cells(sp, false)
        );
    };
    let mut by_kind: Vec<(String, Totals)> = Vec::new();
    let mut all = Totals::default();
    for t in scores {
        row(
            &mut s,
            &t.id,
            if t.title_right { "ok".into() } else { "WRONG".into() },
            Some(t.headings),
            t.figures,
            t.quotes,
            t.speakers,
        );
        match by_kind.iter_mut().find(|(k, _)| *k == t.kind) {
            Some((_, tot)) => tot.add(t),
            None => {
                let mut tot = Totals::default();
                tot.add(t);
                by_kind.push((t.kind.clone(), tot));
            }
        }
        all.add(t);
    }
    by_kind.sort_by(|a, b| a.0.cmp(&b.0));
    by_kind.push(("ALL".into(), all));
    let _ = writeln!(s, "{}", "-".repeat(112));
    let some = |x: Score| (x.labelled + x.found > 0).then_some(x);
    for (k, tot) in &by_kind {
        row(
            &mut s,
            &format!("total {k} ({})", tot.texts),
            format!("{}/{}", tot.titles_right, tot.texts),
            Some(tot.headings),
            some(tot.figures),
            some(tot.quotes),
            some(tot.speakers),
        );
    }
    // Titles are few (news), so one line for all texts.
    if let Some((_, all)) = by_kind.last() {
        let t = all.titles;
        let _ = writeln!(
            s,
            "speaker titles (of speakers named right): P {} R {} ({} right, {} given, {} labelled)",
            pct(t.precision()),
            pct(t.recall()),
            t.right,
            t.found,
            t.labelled
        );
    }
    (s, by_kind)
}
