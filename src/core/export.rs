//! Exports: chart numbers as CSV (and, with the classroom, selections of messages). CSV is
//! written with the `csv` crate (quoting, UTF-8) and guarded against formula injection:
//! a cell that starts with `=`, `+`, `-` or `@` gets a leading `'` so that a spreadsheet
//! shows it as text instead of running it.

use super::chart::{TermSeries, TopicSeries};

/// A cell made safe for spreadsheets (see the module docs).
pub fn guard_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Writes rows as CSV with a UTF-8 byte-order mark (so spreadsheets read accents right).
pub fn csv<I, R>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(header.iter().map(|h| guard_cell(h)));
    for row in rows {
        let _ = writer.write_record(row.into_iter().map(|c| guard_cell(&c)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:.1}", s * 100.0))
}

/// The topic chart's numbers: one row per meeting and topic.
pub fn topic_csv(series: &TopicSeries) -> String {
    let rows = series.columns.iter().enumerate().flat_map(|(c, column)| {
        series
            .topics
            .iter()
            .enumerate()
            .map(move |(t, (_, label))| {
                vec![
                    column.name.clone(),
                    if column.partial {
                        "partial"
                    } else {
                        "complete"
                    }
                    .to_string(),
                    column.included.to_string(),
                    label.clone(),
                    series.counts[t][c].to_string(),
                    percent(series.share(t, c)),
                ]
            })
    });
    csv(
        &[
            "meeting",
            "coverage",
            "messages included",
            "topic",
            "messages under topic",
            "percent of included",
        ],
        rows,
    )
}

/// The term chart's numbers: one row per term and meeting.
pub fn term_csv(series: &TermSeries) -> String {
    let rows = series.terms.iter().enumerate().flat_map(|(t, term)| {
        series.columns.iter().enumerate().map(move |(c, column)| {
            vec![
                term.clone(),
                column.name.clone(),
                if column.partial {
                    "partial"
                } else {
                    "complete"
                }
                .to_string(),
                column.included.to_string(),
                series.counts[t][c].to_string(),
                percent(series.share(t, c)),
            ]
        })
    });
    csv(
        &[
            "term",
            "meeting",
            "coverage",
            "messages included",
            "messages mentioning",
            "percent of included",
        ],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_made_text() {
        let check = |input: &str, expected: &str| assert_eq!(guard_cell(input), expected);
        check("=1+1", "'=1+1");
        check("+33", "'+33");
        check("-2", "'-2");
        check("@SUM(A1)", "'@SUM(A1)");
        check("data", "data");
        check("", "");
    }

    #[test]
    fn csv_quotes_and_keeps_utf8() {
        let out = csv(
            &["a", "b"],
            [vec!["x, y".to_string(), "“quoted” é".to_string()]],
        );
        assert_eq!(out, "\u{FEFF}a,b\n\"x, y\",“quoted” é\n");
        let out = csv(&["a"], [vec!["say \"hi\"\nthere".to_string()]]);
        assert_eq!(out, "\u{FEFF}a\n\"say \"\"hi\"\"\nthere\"\n");
    }
}
