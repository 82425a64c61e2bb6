//! The labelled web pages (`tests/corpus/pages/<id>.html`, labels `labels/web-*.toml`):
//! the article's title, lead, headings, quotes and speakers, the words of the article that
//! must be kept and the words of the page around it that must not. Matching is by text, as
//! a page has no lines of its own before it is read.

use std::collections::HashMap;

use serde::Deserialize;
use yuedu::document::{BlockKind, Document, load, quotes};

use crate::eval::{Names, Score, TextScore, corpus_dir, judge_speaker, quote_words};

/// One web page's label file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebLabel {
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub kept: Vec<String>,
    #[serde(default)]
    pub boilerplate: Vec<String>,
    #[serde(default)]
    pub heading: Vec<WebHeading>,
    #[serde(default)]
    pub quote: Vec<WebQuote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebHeading {
    pub text: String,
    pub level: u8,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebQuote {
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub speaker: Option<Names>,
}

/// A page's scores: the common ones, and what only a page has.
#[derive(Debug, Default, Clone)]
pub struct WebScore {
    pub text: TextScore,
    /// Boilerplate strings found in the extracted text, of those labelled.
    pub leaked: usize,
    pub boilerplate: usize,
    /// Kept strings found, of those labelled.
    pub kept_found: usize,
    pub kept: usize,
    /// Whether the lead is right, where one is labelled.
    pub subtitle_right: Option<bool>,
}

pub fn path(id: &str) -> std::path::PathBuf {
    corpus_dir().join("pages").join(format!("{id}.html"))
}

pub fn read_label(id: &str) -> Result<WebLabel, String> {
    let path = corpus_dir().join("labels").join(format!("{id}.toml"));
    let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&s).map_err(|e| format!("{}: {e}", path.display()))
}

/// Opens a page the way the reader opens a file.
pub fn open(id: &str) -> Result<Document, String> {
    let decoded = load::read_file(&path(id), None).map_err(|e| e.to_string())?;
    Ok(Document::new(format!("{id}.html"), decoded))
}

/// Scores one page.
pub fn score(id: &str) -> Result<WebScore, String> {
    let label = read_label(id)?;
    let doc = open(id)?;
    let mut out = WebScore::default();
    let t = &mut out.text;
    t.id = id.to_owned();
    t.kind = label.kind.clone();

    let title = doc.blocks.iter().position(|b| b.kind == BlockKind::Title).map(|i| doc.block_text(i));
    t.title_right = title == Some(label.title.as_str());
    if !t.title_right {
        t.misses.push(format!("title: found {title:?}, labelled {:?}", label.title));
    }
    if let Some(want) = &label.subtitle {
        let found = doc.blocks.iter().position(|b| b.kind == BlockKind::Subtitle).map(|i| doc.block_text(i));
        out.subtitle_right = Some(found == Some(want.as_str()));
        if found != Some(want.as_str()) {
            t.misses.push(format!("subtitle: found {found:?}, labelled {want:?}"));
        }
    }

    // Headings by their text; levels counted from 1 below the title.
    let offset = u8::from(title.is_some());
    let mut found: Vec<(u8, &str)> = doc
        .headings
        .iter()
        .filter(|h| doc.blocks[h.block].kind != BlockKind::Title)
        .map(|h| (h.level.saturating_sub(offset), doc.block_text(h.block)))
        .collect();
    let mut hs = Score { found: found.len(), labelled: label.heading.len(), ..Default::default() };
    for h in &label.heading {
        match found.iter().position(|(_, text)| *text == h.text) {
            Some(i) => {
                let (level, _) = found.remove(i);
                hs.right += 1;
                if level == h.level {
                    hs.kind_right += 1;
                } else {
                    t.misses.push(format!("heading level {level} (labelled {}): {}", h.level, h.text));
                }
            }
            None => t.misses.push(format!("heading missed: {}", h.text)),
        }
    }
    for (_, text) in found {
        t.misses.push(format!("heading invented: {text}"));
    }
    t.headings = hs;

    // Quotes and speakers by their words.
    let mut want: HashMap<&str, Vec<&WebQuote>> = HashMap::new();
    for q in &label.quote {
        want.entry(q.text.as_str()).or_default().push(q);
    }
    let mut qs = Score { labelled: label.quote.len(), ..Default::default() };
    let mut sp =
        Score { labelled: label.quote.iter().filter(|q| q.speaker.is_some()).count(), ..Default::default() };
    let ranges: Vec<_> = doc.blocks.iter().map(|b| b.range()).collect();
    for q in quotes::find_quotes(&doc.text, &ranges) {
        qs.found += 1;
        let words = quote_words(&doc.text, &q);
        let Some(l) = want.get_mut(words).and_then(|v| v.pop()) else {
            t.misses.push(format!("quote invented: {words}"));
            sp.found += usize::from(q.speaker.is_some());
            continue;
        };
        qs.right += 1;
        if l.kind == q.kind.name() {
            qs.kind_right += 1;
        } else {
            t.misses.push(format!("quote kind {} (labelled {}): {words}", q.kind.name(), l.kind));
        }
        judge_speaker(q.speaker.as_deref(), l.speaker.as_ref(), &mut sp, &mut t.misses, words);
    }
    for (words, left) in &want {
        for _ in left.iter() {
            t.misses.push(format!("quote missed: {words}"));
        }
    }
    t.quotes = Some(qs);
    t.speakers = Some(sp);

    // What must be in the article's text, and what must not.
    out.kept = label.kept.len();
    for k in &label.kept {
        if doc.text.contains(k.as_str()) {
            out.kept_found += 1;
        } else {
            out.text.misses.push(format!("article words missing: {k}"));
        }
    }
    out.boilerplate = label.boilerplate.len();
    for b in &label.boilerplate {
        if doc.text.contains(b.as_str()) {
            out.leaked += 1;
            out.text.misses.push(format!("boilerplate kept: {b}"));
        }
    }
    Ok(out)
}

/// One line for all pages: boilerplate leaked, article words kept, leads right.
pub fn summary(scores: &[WebScore]) -> String {
    let sum = |f: fn(&WebScore) -> usize| scores.iter().map(f).sum::<usize>();
    let leads: Vec<bool> = scores.iter().filter_map(|s| s.subtitle_right).collect();
    format!(
        "web pages ({}): boilerplate kept {} of {} strings; article words kept {} of {}; leads right {} of {}",
        scores.len(),
        sum(|s| s.leaked),
        sum(|s| s.boilerplate),
        sum(|s| s.kept_found),
        sum(|s| s.kept),
        leads.iter().filter(|&&r| r).count(),
        leads.len()
    )
}
