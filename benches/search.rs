//! Search on a generated novel (≥ 50 MB): counting every match of a Chinese query (found
//! with memmem) and of a Latin one (full-width forms too, found by lead bytes), and the
//! cost of one keystroke in the search prompt, which looks only for the next match.
//!
//! `cargo bench --bench search`; `YUEDU_BENCH_MB=200` changes the size of the novel.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::search::Query;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{Document, load};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn bench(c: &mut Criterion) {
    let text = bigtext::novel(size_mb() << 20, 2_500);
    let mut g = c.benchmark_group("search");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for q in ["算力", "gdp", "２４．８％"] {
        let query = Query::new(q).expect("a query");
        g.bench_function(format!("count all {q} in {} MB", size_mb()), |b| {
            b.iter(|| black_box(query.find_all(black_box(&text)).len()))
        });
    }
    let decoded = load::decode(text.as_bytes(), None).expect("UTF-8");
    let mut app = App::new(Document::new("novel.txt", decoded), Config::default(), 100, 30);
    app.update(Action::Search);
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    app.prompt_key(&key(KeyCode::Char('算')));
    g.bench_function(format!("keystroke in the prompt, {} MB", size_mb()), |b| {
        b.iter(|| {
            app.prompt_key(&key(KeyCode::Char('力')));
            app.prompt_key(&key(KeyCode::Backspace));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
