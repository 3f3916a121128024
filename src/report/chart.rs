//! SVG geometry for the HTML reports, computed here so that templates only place numbers.
//!
//! Every coordinate is a string with one decimal, so the same assessment always gives the same
//! bytes.

use serde::Serialize;

/// A coordinate as the SVG shows it.
fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// One axis of the radar: a dimension.
#[derive(Serialize)]
pub struct RadarAxis {
    /// Dimension id, the axis label.
    pub id: String,
    /// Dimension name, for the tooltip.
    pub name: String,
    /// The dimension's level.
    pub level: u8,
    /// End of the axis line (level 5).
    pub x: String,
    /// End of the axis line (level 5).
    pub y: String,
    /// Where the label goes.
    pub label_x: String,
    /// Where the label goes.
    pub label_y: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// The level's point.
    pub dot_x: String,
    /// The level's point.
    pub dot_y: String,
}

/// One ring of the radar: a level.
#[derive(Serialize)]
pub struct RadarRing {
    /// The level.
    pub level: u8,
    /// Polygon points (three axes or more).
    pub points: String,
    /// Radius (the ring is drawn as a circle below three axes).
    pub r: String,
    /// Where the level number goes.
    pub label_x: String,
    /// Where the level number goes.
    pub label_y: String,
}

/// A radar chart of dimension levels against the target level.
#[derive(Serialize)]
pub struct Radar {
    /// Width of the viewBox.
    pub width: u32,
    /// Height of the viewBox.
    pub height: u32,
    /// Centre.
    pub cx: String,
    /// Centre.
    pub cy: String,
    /// Whether the rings are polygons (three axes or more) or circles.
    pub polygons: bool,
    /// Levels 1..5.
    pub rings: Vec<RadarRing>,
    /// One per dimension, clockwise from the top.
    pub axes: Vec<RadarAxis>,
    /// The levels reached, as polygon points.
    pub level_points: String,
    /// The target level on every axis, as polygon points.
    pub target_points: String,
    /// The target level.
    pub target_level: u8,
}

/// The radar of `dims` (id, name, level) against `target`.
pub fn radar(dims: &[(String, String, u8)], target: u8) -> Radar {
    let (width, height) = (560u32, 500u32);
    let (cx, cy, r) = (280.0, 250.0, 180.0);
    let count = dims.len().max(1) as f64;
    let at = |i: usize, radius: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / count;
        (cx + radius * angle.cos(), cy + radius * angle.sin())
    };
    let polygon = |radius: &dyn Fn(usize) -> f64| {
        (0..dims.len())
            .map(|i| {
                let (x, y) = at(i, radius(i));
                format!("{},{}", n(x), n(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings = (1..=5u8)
        .map(|l| {
            let radius = r * f64::from(l) / 5.0;
            RadarRing {
                level: l,
                points: polygon(&|_| radius),
                r: n(radius),
                label_x: n(cx + 4.0),
                label_y: n(cy - radius - 3.0),
            }
        })
        .collect();
    let axes = dims
        .iter()
        .enumerate()
        .map(|(i, (id, name, level))| {
            let (x, y) = at(i, r);
            let (lx, ly) = at(i, r + 18.0);
            let dx = lx - cx;
            let anchor = if dx.abs() < 1.0 {
                "middle"
            } else if dx > 0.0 {
                "start"
            } else {
                "end"
            };
            // Text sits above its baseline: nudge labels below the centre down a little.
            let ly = if ly > cy + 1.0 { ly + 8.0 } else { ly + 4.0 };
            let (dot_x, dot_y) = at(i, r * f64::from(*level) / 5.0);
            RadarAxis {
                id: id.clone(),
                name: name.clone(),
                level: *level,
                x: n(x),
                y: n(y),
                label_x: n(lx),
                label_y: n(ly),
                anchor,
                dot_x: n(dot_x),
                dot_y: n(dot_y),
            }
        })
        .collect();
    Radar {
        width,
        height,
        cx: n(cx),
        cy: n(cy),
        polygons: dims.len() >= 3,
        rings,
        axes,
        level_points: polygon(&|i| r * f64::from(dims[i].2) / 5.0),
        target_points: polygon(&|_| r * f64::from(target) / 5.0),
        target_level: target,
    }
}

/// One bar of a bar chart.
#[derive(Serialize)]
pub struct Bar {
    /// Label under the bar.
    pub label: String,
    /// The value shown above the bar.
    pub value: usize,
    /// Left edge.
    pub x: String,
    /// Top edge.
    pub y: String,
    /// Width.
    pub w: String,
    /// Height.
    pub h: String,
    /// Centre of the bar, for its labels.
    pub mid_x: String,
    /// Baseline of the value label.
    pub value_y: String,
    /// A CSS class for the bar's colour.
    pub class: String,
}

/// A vertical bar chart.
#[derive(Serialize)]
pub struct Bars {
    /// Width of the viewBox.
    pub width: u32,
    /// Height of the viewBox.
    pub height: u32,
    /// The baseline.
    pub base_y: String,
    /// Baseline of the labels under the bars.
    pub label_y: String,
    /// The bars, left to right.
    pub bars: Vec<Bar>,
}

/// A bar chart of `(label, value, class)`.
pub fn bars(items: &[(String, usize, String)]) -> Bars {
    let (width, height) = (520u32, 240u32);
    let (left, top, base) = (20.0, 24.0, 200.0);
    let slot = (f64::from(width) - 2.0 * left) / items.len().max(1) as f64;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as f64;
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (label, value, class))| {
            let h = (base - top) * *value as f64 / max;
            let x = left + slot * i as f64 + slot * 0.15;
            Bar {
                label: label.clone(),
                value: *value,
                x: n(x),
                y: n(base - h),
                w: n(slot * 0.7),
                h: n(h),
                mid_x: n(x + slot * 0.35),
                value_y: n(base - h - 6.0),
                class: class.clone(),
            }
        })
        .collect();
    Bars {
        width,
        height,
        base_y: n(base),
        label_y: n(base + 22.0),
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radar_has_one_axis_per_dimension_starting_at_the_top() {
        let dims: Vec<(String, String, u8)> = (0..4).map(|i| (format!("D{i}"), String::new(), 5)).collect();
        let r = radar(&dims, 3);
        assert_eq!(r.axes.len(), 4);
        assert_eq!((r.axes[0].x.as_str(), r.axes[0].y.as_str()), ("280.0", "70.0"));
        assert_eq!(r.axes[0].anchor, "middle");
        assert_eq!(r.axes[1].anchor, "start");
        assert_eq!(r.axes[3].anchor, "end");
        // Level 5 on every axis: the level polygon is the outer ring.
        assert_eq!(r.level_points, r.rings[4].points);
        assert_eq!(r.target_points, r.rings[2].points);
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let b = bars(&[("1".into(), 0, "l1".into()), ("2".into(), 4, "l2".into())]);
        assert_eq!(b.bars[0].h, "0.0");
        assert_eq!(b.bars[1].h, "176.0");
    }
}
