//! Statistics for comparing meetings: counts with coverage, topic shares, topics present on
//! one side only, and distinctive terms by the weighted log-odds ratio with an informative
//! Dirichlet prior (Monroe, Colaresi and Quinn, 2008, "Fightin' Words", eq. 16–22).

use std::collections::HashMap;

/// Sides with fewer messages than this get a warning that their terms mean little.
pub const FEW_MESSAGES: usize = 10;
/// Terms whose |z| is below this are not shown as distinctive (1.96: 95 % two-sided).
pub const Z_THRESHOLD: f64 = 1.96;

/// Word counts of one group of texts, by term.
pub type TermCounts = HashMap<String, u64>;

/// The scale α0 of the informative prior: the background frequencies are scaled to sum to
/// this many pseudo-counts. Larger values shrink small groups' log-odds harder; 500 keeps a
/// 48-message set against a 2-message one informative without letting single words of
/// the small side look significant.
pub const PRIOR_SCALE: f64 = 500.0;

/// The informative prior αw: background counts scaled to sum to `scale`.
pub fn scaled_prior(background: &TermCounts, scale: f64) -> HashMap<String, f64> {
    let total: u64 = background.values().sum();
    if total == 0 {
        return HashMap::new();
    }
    background
        .iter()
        .map(|(term, &count)| (term.clone(), scale * count as f64 / total as f64))
        .collect()
}

/// A term's weighted log-odds of one group against another.
#[derive(Debug, Clone, PartialEq)]
pub struct LogOdds {
    /// The term (a stem).
    pub term: String,
    /// Occurrences in the group.
    pub count: u64,
    /// The log-odds ratio δ (group minus rest), smoothed by the prior.
    pub delta: f64,
    /// δ divided by its estimated standard deviation.
    pub z: f64,
}

/// Weighted log-odds ratio with an informative Dirichlet prior of every term of `group`
/// against `rest`, sorted by z, highest first.
///
/// `prior` gives αw for each term (see [`scaled_prior`]);
/// terms missing from it get αw = 0.01 so that no term is divided by zero.
///   δw = log((yw + αw) / (n + α0 − yw − αw)) − log((y'w + αw) / (n' + α0 − y'w − αw))
///   σ²(δw) ≈ 1 / (yw + αw) + 1 / (y'w + αw),   z = δw / σ
pub fn log_odds(
    group: &TermCounts,
    rest: &TermCounts,
    prior: &HashMap<String, f64>,
) -> Vec<LogOdds> {
    const UNSEEN_PRIOR: f64 = 0.01;
    let n: f64 = group.values().sum::<u64>() as f64;
    let n_rest: f64 = rest.values().sum::<u64>() as f64;
    let alpha0: f64 = prior.values().sum();
    let mut out: Vec<LogOdds> = group
        .iter()
        .map(|(term, &y)| {
            let alpha = prior.get(term).copied().unwrap_or(UNSEEN_PRIOR);
            let alpha0 = alpha0.max(alpha);
            let y = y as f64;
            let y_rest = rest.get(term).copied().unwrap_or(0) as f64;
            let odds = (y + alpha) / (n + alpha0 - y - alpha);
            let odds_rest = (y_rest + alpha) / (n_rest + alpha0 - y_rest - alpha);
            let delta = odds.ln() - odds_rest.ln();
            let variance = 1.0 / (y + alpha) + 1.0 / (y_rest + alpha);
            LogOdds {
                term: term.clone(),
                count: y as u64,
                delta,
                z: delta / variance.sqrt(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.term.cmp(&b.term)));
    out
}

/// The share `part / whole` as a fraction, or `None` when `whole` is 0 (a meeting with no
/// messages has no share, which is not the same as a share of 0).
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// A share as a percentage with one decimal ("33.3"): the one rounding of every
/// percentage the page shows in a table or writes to a file.
pub fn percent(share: f64) -> String {
    format!("{:.1}", share * 100.0)
}

/// A share as a whole percentage with its sign ("33%"), for the few places with the
/// room of a chart cell; the chart's table beside it has [`percent`].
pub fn percent_short(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_one_way() {
        assert_eq!(percent(1.0 / 3.0), "33.3");
        assert_eq!(percent(0.5), "50.0");
        assert_eq!(percent_short(1.0 / 3.0), "33%");
    }

    fn counts(pairs: &[(&str, u64)]) -> TermCounts {
        pairs.iter().map(|(t, c)| (t.to_string(), *c)).collect()
    }

    #[test]
    fn worked_example() {
        // Group: "data" 10 of 20 words; rest: "data" 2 of 20; prior: the union (12 of 40).
        let group = counts(&[("data", 10), ("other", 10)]);
        let rest = counts(&[("data", 2), ("other", 18)]);
        let prior = scaled_prior(&counts(&[("data", 12), ("other", 28)]), 40.0);
        let result = log_odds(&group, &rest, &prior);
        let data = result.iter().find(|r| r.term == "data").unwrap();
        // By hand: α = 12, α0 = 40, n = n' = 20.
        // δ = ln(22 / 38) − ln(14 / 46) = ln(0.578947) − ln(0.304348) = 0.643040
        // σ² = 1/22 + 1/14 = 0.116883, σ = 0.341882, z = 1.880885
        assert!((data.delta - 0.643040).abs() < 1e-5, "{}", data.delta);
        assert!((data.z - 1.880885).abs() < 1e-5, "{}", data.z);
        let other = result.iter().find(|r| r.term == "other").unwrap();
        assert!(other.z < 0.0);
        assert_eq!(result[0].term, "data");
    }

    #[test]
    fn shares_of_nothing_are_unknown() {
        assert_eq!(share(1, 4), Some(0.25));
        assert_eq!(share(0, 0), None);
    }
}
