//! Opening a big EPUB book: a 5 MB novel (the generated novel of benches/bigtext.rs, 250
//! chapters, a chapter a file, written through the zip writer of tests/fixtures/epub.rs),
//! from the file to the first frame: unzip, parse, convert, outline, first wrap and draw.
//!
//! `cargo bench --bench epub`; `YUEDU_BENCH_MB=20` changes the size of the novel.
//! Memory: `benches/epub-memory.sh`.

use std::collections::HashSet;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::App;
use yuedu::config::Config;

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;
#[path = "../tests/fixtures/epub.rs"]
mod epub;

const CHAPTERS: usize = 250;

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let text = bigtext::novel(mb << 20, CHAPTERS);
    let headings: HashSet<String> = (1..=CHAPTERS).map(bigtext::chapter_heading).collect();
    let bytes = epub::from_novel(bigtext::TITLE, "佚名", &text, |l| headings.contains(l)).bytes();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.epub");
    std::fs::write(&path, &bytes).expect("write the book");
    eprintln!("book: {} bytes of EPUB, {} bytes of text, {CHAPTERS} chapters", bytes.len(), text.len());

    let doc = yuedu::document::open::open(&path, None).expect("opens");
    assert_eq!(doc.headings.len(), CHAPTERS + 1, "the title and every chapter in the outline");

    let mut g = c.benchmark_group(format!("epub_{mb}mb"));
    g.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    g.bench_function("open", |b| b.iter(|| yuedu::document::open::open(&path, None).expect("opens")));
    g.bench_function("first_frame", |b| {
        b.iter(|| {
            let doc = yuedu::document::open::open(&path, None).expect("opens");
            let app = App::new(doc, Config::default(), 100, 30);
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
            terminal.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
            app
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
