use yew::prelude::*;

use crate::core::stats::percent;

use crate::core::chart::{
    term_series, terms_svg, topic_series, topic_title, topics_svg, ChartError, Column, Drawn,
    TermSeries, TopicSeries, TERM_TITLE,
};
use crate::core::export::{term_csv, topic_csv};
use crate::core::state::Action;
use crate::core::url::{self, split_terms, MAX_TERMS};
use crate::ui::browser;
use crate::ui::components::ChartFigure;
use crate::ui::hooks::{use_app_state, use_chart_width};

/// Charts: topics across meetings, and term trends across the years.
#[function_component(ChartsPage)]
pub fn charts_page() -> Html {
    let context = use_app_state();
    let settings = context.state().view.charts.clone();
    let corpus_key = context.corpus_key();
    let container = use_node_ref();
    let width = use_chart_width(container.clone());
    let topics = {
        let explorer = context.store.explorer.clone();
        use_memo(
            (settings.shares, corpus_key, width),
            move |(shares, _, width)| {
                let series = topic_series(&explorer);
                let drawn = topics_svg(&series, *shares, *width);
                (series, drawn)
            },
        )
    };
    let terms = {
        let explorer = context.store.explorer.clone();
        use_memo(
            (settings.terms.clone(), corpus_key, width),
            move |(terms, _, width)| {
                let series = term_series(&explorer, terms);
                let drawn = terms_svg(&series, *width);
                (series, drawn)
            },
        )
    };
    let input = use_node_ref();
    let onsubmit = {
        let input = input.clone();
        context.dispatcher(move |e: SubmitEvent| {
            e.prevent_default();
            let text = browser::node_value(&input);
            Action::SetChartTerms(split_terms(&text))
        })
    };
    let onscale = context.dispatcher(|e: Event| Action::SetChartShares(browser::input_checked(&e)));
    let example = example_link(settings.shares);
    let (topic_series, topic_drawn) = &*topics;
    let (term_series, term_drawn) = &*terms;
    html! {
        <div class="charts" ref={container}>
            <h1>{ "Charts" }</h1>
            <section aria-labelledby="topics-title">
                <h2 id="topics-title">{ "Topics across meetings" }</h2>
                <p>
                    <input type="checkbox" id="chart-shares" checked={settings.shares} onchange={onscale} data-testid="chart-shares" />
                    <label for="chart-shares">{ " Show shares within each meeting instead of counts" }</label>
                </p>
                { figure(topic_title(settings.shares), topic_drawn, topic_csv(topic_series), "topics-by-meeting", "chart-topics", topic_table(topic_series, settings.shares)) }
            </section>
            <section aria-labelledby="terms-title">
                <h2 id="terms-title">{ "Term trends" }</h2>
                <form class="row-form" {onsubmit} data-testid="terms-form">
                    <label for="chart-terms">{ format!("Up to {MAX_TERMS} terms, separated by commas (a \"phrase\" in quotes)") }
                        <br /><input type="text" id="chart-terms" ref={input} value={settings.terms.join(", ")} data-testid="chart-terms" />
                    </label>
                    <button type="submit">{ "Chart the terms" }</button>
                </form>
                if settings.terms.is_empty() {
                    <p class="hint" data-testid="terms-prompt">{ "Enter terms to chart, for example " }<a href={example}>{ "data, AI" }</a>{ "." }</p>
                } else {
                    { figure(TERM_TITLE, term_drawn, term_csv(term_series), "term-trends", "chart-terms-figure", term_table(term_series)) }
                }
            </section>
        </div>
    }
}

/// The link the empty term chart offers: "data, AI".
fn example_link(shares: bool) -> String {
    let mut view = url::charts_view(&["data", "AI"]);
    view.charts.shares = shares;
    url::render(&view)
}

/// A meeting as a column of a chart's table: its name and how many messages it holds.
fn column_header(column: &Column) -> Html {
    html! { <th scope="col" class="num">{ column.label() }</th> }
}

/// The topic chart's numbers: a row per topic, a column per meeting.
fn topic_table(series: &TopicSeries, shares: bool) -> Html {
    let cell = |t: usize, c: usize| {
        if shares {
            series
                .share(t, c)
                .map_or("—".into(), |s| format!("{} %", percent(s)))
        } else {
            series.counts[t][c].to_string()
        }
    };
    html! {
        <table>
            <caption>{ topic_title(shares) }</caption>
            <thead><tr><th scope="col">{ "Topic" }</th>{ for series.columns.iter().map(column_header) }</tr></thead>
            <tbody>{ for series.topics.iter().enumerate().map(|(t, (_, label))| html! {
                <tr><th scope="row">{ label.clone() }</th>
                    { for (0..series.columns.len()).map(|c| html! { <td class="num">{ cell(t, c) }</td> }) }
                </tr>
            }) }</tbody>
        </table>
    }
}

/// The term chart's numbers: a row per term, messages (and share) per meeting.
fn term_table(series: &TermSeries) -> Html {
    let cell = |t: usize, c: usize| {
        let share = series
            .share(t, c)
            .map_or("—".into(), |s| format!("{} %", percent(s)));
        format!("{} ({share})", series.counts[t][c])
    };
    html! {
        <table>
            <caption>{ TERM_TITLE }</caption>
            <thead><tr><th scope="col">{ "Term" }</th>{ for series.columns.iter().map(column_header) }</tr></thead>
            <tbody>{ for series.terms.iter().enumerate().map(|(t, term)| html! {
                <tr><th scope="row">{ term.clone() }</th>
                    { for (0..series.columns.len()).map(|c| html! { <td class="num">{ cell(t, c) }</td> }) }
                </tr>
            }) }</tbody>
        </table>
    }
}

fn figure(
    title: &str,
    drawn: &Result<Drawn, ChartError>,
    csv: String,
    file: &str,
    testid: &str,
    table: Html,
) -> Html {
    match drawn {
        Ok(drawn) => html! {
            <ChartFigure title={title.to_string()} drawn={drawn.clone()} {csv} file={file.to_string()} testid={testid.to_string()}>
                { table }
            </ChartFigure>
        },
        Err(error) => html! {
            <div class="banner banner-error" role="alert">
                <p>{ format!("The chart could not be drawn ({error}). The numbers:") }</p>
                { table }
            </div>
        },
    }
}
