//! A year of activity as a calendar heatmap: one square per UTC day, weeks as columns.

use leptos::prelude::*;

use crate::api::DayActivity;

const CELL: usize = 11;
const GAP: usize = 2;
const LEFT: usize = 30;
const TOP: usize = 16;

fn level(count: u32) -> u8 {
    match count {
        0 => 0,
        1..=2 => 1,
        3..=5 => 2,
        6..=9 => 3,
        _ => 4,
    }
}

struct Cell {
    x: usize,
    y: usize,
    level: u8,
    title: String,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The month of a `YYYY-MM-DD` date, 0-based. (Dates are parsed by hand: chrono's formatting
/// machinery would add tens of kilobytes to the browser bundle for three letters.)
fn month_of(date: &str) -> Option<usize> {
    date.get(5..7)?.parse::<usize>().ok().filter(|m| (1..=12).contains(m)).map(|m| m - 1)
}

/// `first_weekday`: the weekday of `days[0]`, 0 = Monday.
fn layout(days: &[DayActivity], first_weekday: u8) -> (Vec<Cell>, Vec<(usize, String)>, usize) {
    let offset = usize::from(first_weekday % 7);
    let mut cells = Vec::with_capacity(days.len());
    let mut months = Vec::new();
    let mut last_month = None;
    for (i, day) in days.iter().enumerate() {
        let slot = offset + i;
        let (col, row) = (slot / 7, slot % 7);
        let x = LEFT + col * (CELL + GAP);
        if let Some(month) = month_of(&day.date)
            && last_month != Some(month)
        {
            last_month = Some(month);
            // A month that starts mid-week is labelled at its first full week's column; a label
            // too close to the previous one (a month cut off at the left edge) replaces it.
            let x = if row == 0 || months.is_empty() { x } else { x + CELL + GAP };
            if months.last().is_some_and(|&(prev, _): &(usize, String)| x < prev + 3 * (CELL + GAP)) {
                months.pop();
            }
            months.push((x, MONTHS[month].to_string()));
        }
        let noun = if day.count == 1 { "activity" } else { "activities" };
        cells.push(Cell {
            x,
            y: TOP + row * (CELL + GAP),
            level: level(day.count),
            title: format!("{}: {} {noun}", day.date, day.count),
        });
    }
    let width = LEFT + (offset + days.len()).div_ceil(7) * (CELL + GAP);
    (cells, months, width)
}

#[component]
pub fn Heatmap(days: Vec<DayActivity>, first_weekday: u8) -> impl IntoView {
    let total: u32 = days.iter().map(|d| d.count).sum();
    let active = days.iter().filter(|d| d.count > 0).count();
    let (cells, months, width) = layout(&days, first_weekday);
    let height = TOP + 7 * (CELL + GAP);
    let first = days.first().map(|d| d.date.clone()).unwrap_or_default();
    let last = days.last().map(|d| d.date.clone()).unwrap_or_default();
    view! {
        <figure class="heatmap">
            <div class="heatmap-scroll">
                <svg
                    viewBox=format!("0 0 {width} {height}")
                    width=width
                    height=height
                    role="img"
                    aria-label=format!("Activity per day from {first} to {last} (UTC): {total} activities on {active} days")
                >
                    {months
                        .into_iter()
                        .map(|(x, name)| view! { <text x=x y="10" class="hm-label">{name}</text> })
                        .collect_view()}
                    {[(1usize, "Tue"), (3, "Thu"), (5, "Sat")]
                        .into_iter()
                        .map(|(row, name)| {
                            view! { <text x="0" y=TOP + row * (CELL + GAP) + 9 class="hm-label">{name}</text> }
                        })
                        .collect_view()}
                    {cells
                        .into_iter()
                        .map(|c| {
                            view! {
                                <rect x=c.x y=c.y width=CELL height=CELL rx="2" class=format!("hm hm-{}", c.level)>
                                    <title>{c.title}</title>
                                </rect>
                            }
                        })
                        .collect_view()}
                </svg>
            </div>
            <figcaption>
                {format!(
                    "{total} {} on {active} {} in the last year. Days are UTC. ",
                    if total == 1 { "activity" } else { "activities" },
                    if active == 1 { "day" } else { "days" },
                )}
                <span class="legend" aria-hidden="true">
                    "Less "
                    {(0..=4u8).map(|l| view! { <i class=format!("hm-{l}")></i> }).collect_view()}
                    " More"
                </span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, count: u32) -> DayActivity {
        DayActivity { date: date.into(), count }
    }

    #[test]
    fn weeks_are_columns_and_weekdays_rows() {
        // 2026-11-23 is a Monday.
        let days = vec![day("2026-11-22", 0), day("2026-11-23", 1), day("2026-11-24", 7)];
        let (cells, months, _) = layout(&days, 6);
        // Sunday is the last row of the first column; Monday starts the next column.
        assert_eq!((cells[0].x, cells[0].y), (LEFT, TOP + 6 * (CELL + GAP)));
        assert_eq!((cells[1].x, cells[1].y), (LEFT + CELL + GAP, TOP));
        assert_eq!(cells[2].level, 3);
        assert_eq!(cells[1].title, "2026-11-23: 1 activity");
        assert_eq!(months.len(), 1);
        assert_eq!(months[0].1, "Nov");
    }

    #[test]
    fn a_month_cut_off_at_the_left_edge_loses_its_label() {
        // Starts on the last two days of October: "Oct" would overlap "Nov".
        let days: Vec<_> =
            ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"].iter().map(|d| day(d, 0)).collect();
        let (_, months, _) = layout(&days, 4);
        let names: Vec<_> = months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(names, ["Nov"]);
    }

    #[test]
    fn levels_grow_with_activity() {
        assert_eq!([0, 1, 3, 6, 50].map(level), [0, 1, 2, 3, 4]);
    }
}
