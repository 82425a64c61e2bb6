//! The labelled corpus as a test: every label points at what its text says, and the
//! analyses reach their targets on the whole corpus (`cargo run --release --example eval`
//! prints the full table).

#[path = "corpus/eval.rs"]
#[allow(dead_code)]
mod eval;
#[path = "corpus/web.rs"]
mod web;

/// Every label's `text` stands on its line, so a label cannot silently drift from its text.
#[test]
fn labels_point_at_their_text() {
    let ids = eval::ids();
    assert!(ids.len() >= 16, "the corpus holds at least 16 texts, found {}", ids.len());
    for id in &ids {
        let label = eval::read_label(id).unwrap_or_else(|e| panic!("{e}"));
        let path = eval::corpus_dir().join("texts").join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lines: Vec<&str> = text.lines().collect();
        let on_line = |line: usize, what: &str| {
            let l = lines.get(line.wrapping_sub(1)).copied().unwrap_or_default();
            assert!(l.contains(what), "{id}: line {line} does not hold {what:?}");
        };
        for h in &label.heading {
            on_line(h.line, h.text.trim());
        }
        for f in &label.figure {
            on_line(f.line, &f.text);
        }
        for q in &label.quote {
            on_line(q.line, &q.text);
        }
    }
    for kind in ["news", "official", "encyclopedia", "fiction"] {
        let n = ids.iter().filter(|id| eval::read_label(id).is_ok_and(|l| l.kind == kind)).count();
        assert!(n >= 4, "at least 4 texts of kind {kind}, found {n}");
    }
}

/// Outline targets: headings found with recall and precision of at least 97% over all
/// texts and 90% in every kind, at the right level for at least 97% of those found.
#[test]
fn outline_targets_hold_on_the_corpus() {
    let scores: Vec<eval::TextScore> =
        eval::ids().iter().map(|id| eval::score(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    let (table, totals) = eval::table(&scores);
    for (kind, t) in &totals {
        let h = t.headings;
        let floor = if kind == "ALL" { 0.97 } else { 0.90 };
        assert!(h.precision() >= floor, "heading precision of {kind} below {floor}:\n{table}");
        assert!(h.recall() >= floor, "heading recall of {kind} below {floor}:\n{table}");
        if kind == "ALL" {
            assert!(h.kind() >= 0.97, "heading levels below 97%:\n{table}");
            assert!(
                t.titles_right * 100 >= t.texts * 95,
                "titles right in fewer than 95% of texts:\n{table}"
            );
        }
    }
}

/// Quote and speaker targets reached so far: quote spans found with recall and precision
/// of at least 99% over all texts, of the right kind (speech or term) for at least 95% in
/// every kind of text; speakers named right for at least 97% of those named in every kind
/// of text, and for at least 85% of the labelled ones in news, 77% in fiction and 40% in
/// encyclopedias.
#[test]
fn quote_and_speaker_targets_hold_on_the_corpus() {
    let scores: Vec<eval::TextScore> =
        eval::ids().iter().map(|id| eval::score(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    let (table, totals) = eval::table(&scores);
    for (kind, t) in &totals {
        if kind == "ALL" {
            assert!(t.quotes.precision() >= 0.99, "quote precision below 99%:\n{table}");
            assert!(t.quotes.recall() >= 0.99, "quote recall below 99%:\n{table}");
        }
        assert!(t.quotes.kind() >= 0.95, "quote kinds of {kind} right below 95%:\n{table}");
        assert!(t.speakers.precision() >= 0.97, "speaker precision of {kind} below 97%:\n{table}");
        if kind == "news" {
            assert!(t.speakers.recall() >= 0.85, "speaker recall of news below 85%:\n{table}");
        }
        if kind == "fiction" {
            assert!(t.speakers.recall() >= 0.77, "speaker recall of fiction below 77%:\n{table}");
        }
        if kind == "encyclopedia" {
            assert!(t.speakers.recall() >= 0.40, "speaker recall of encyclopedias below 40%:\n{table}");
        }
    }
}

/// Figure targets reached so far: exact spans with precision and recall of at least 97%
/// over all texts and in news, official and encyclopedia texts, and kinds right for at
/// least 95% of the figures found over all texts. (Fiction, where the everyday counts of a
/// story make the line between a fact and a word of narration, is not at 97% yet and so
/// not asserted.)
#[test]
fn figure_targets_hold_on_the_corpus() {
    let scores: Vec<eval::TextScore> =
        eval::ids().iter().map(|id| eval::score(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    let (table, totals) = eval::table(&scores);
    let mut seen = 0;
    for (kind, t) in &totals {
        let f = t.figures;
        if !matches!(kind.as_str(), "ALL" | "news" | "official" | "encyclopedia") {
            continue;
        }
        assert!(f.precision() >= 0.97, "figure precision of {kind} below 97%:\n{table}");
        assert!(f.recall() >= 0.97, "figure recall of {kind} below 97%:\n{table}");
        if kind == "ALL" {
            assert!(f.kind() >= 0.95, "figure kinds below 95%:\n{table}");
        }
        seen += 1;
    }
    assert_eq!(seen, 4, "totals for ALL, news, official and encyclopedia:\n{table}");
}

/// Web pages: at least four, each with its title and every labelled lead and heading (at
/// its level) found and no heading invented; every word of the article labelled as kept is
/// in the extracted text and no word of the page around it labelled as boilerplate is; the
/// quotes found as on the other texts (recall and precision of at least 99%).
#[test]
fn web_page_targets_hold_on_the_corpus() {
    let ids = eval::web_ids();
    assert!(ids.len() >= 4, "at least 4 labelled web pages, found {}", ids.len());
    let pages: Vec<web::WebScore> =
        ids.iter().map(|id| web::score(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    let texts: Vec<eval::TextScore> = pages.iter().map(|p| p.text.clone()).collect();
    let (table, totals) = eval::table(&texts);
    let report = format!(
        "{table}{}\n{:#?}",
        web::summary(&pages),
        pages.iter().map(|p| &p.text.misses).collect::<Vec<_>>()
    );
    let (_, t) = totals.iter().find(|(k, _)| k == "web").unwrap_or_else(|| panic!("no web row:\n{table}"));
    assert_eq!(t.titles_right, t.texts, "titles:\n{report}");
    assert_eq!(t.headings.right, t.headings.labelled, "headings missed:\n{report}");
    assert_eq!(t.headings.right, t.headings.found, "headings invented:\n{report}");
    assert_eq!(t.headings.kind_right, t.headings.right, "heading levels:\n{report}");
    assert!(t.quotes.precision() >= 0.99 && t.quotes.recall() >= 0.99, "quotes:\n{report}");
    for p in &pages {
        assert_eq!(p.leaked, 0, "{}: boilerplate kept:\n{report}", p.text.id);
        assert_eq!(p.kept_found, p.kept, "{}: article words missing:\n{report}", p.text.id);
        assert_ne!(p.subtitle_right, Some(false), "{}: lead:\n{report}", p.text.id);
    }
}
