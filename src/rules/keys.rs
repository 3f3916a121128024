//! The keys an expression looks up in a map variable: `answers["Q-1"]`, `answers.q1`,
//! `"Q-1" in answers`, `has(answers.q1)`. Conditions name criteria this way, and the loader
//! checks every name against the rubric.

use cel::common::ast::{EntryExpr, Expr, IdedExpr, LiteralValue, operators};

/// The literal keys `expr` looks up in the variable `var`, in the order written.
pub(super) fn map_keys(expr: &IdedExpr, var: &str, out: &mut Vec<String>) {
    let is_var = |e: &IdedExpr| matches!(&e.expr, Expr::Ident(name) if name == var);
    let literal = |e: &IdedExpr| match &e.expr {
        Expr::Literal(LiteralValue::String(s)) => Some(s.inner().to_string()),
        _ => None,
    };
    match &expr.expr {
        Expr::Call(call) => {
            let args = &call.args;
            let key = match call.func_name.as_str() {
                operators::INDEX if args.len() == 2 && is_var(&args[0]) => literal(&args[1]),
                operators::IN if args.len() == 2 && is_var(&args[1]) => literal(&args[0]),
                _ => None,
            };
            out.extend(key);
            if let Some(target) = &call.target {
                map_keys(target, var, out);
            }
            for a in args {
                map_keys(a, var, out);
            }
        }
        Expr::Select(select) => {
            if is_var(&select.operand) {
                out.push(select.field.clone());
            }
            map_keys(&select.operand, var, out);
        }
        Expr::Comprehension(c) => {
            for e in [&c.iter_range, &c.accu_init, &c.loop_cond, &c.loop_step, &c.result] {
                map_keys(e, var, out);
            }
        }
        Expr::List(list) => list.elements.iter().for_each(|e| map_keys(e, var, out)),
        Expr::Map(map) => map.entries.iter().for_each(|e| entry_keys(&e.expr, var, out)),
        Expr::Struct(s) => s.entries.iter().for_each(|e| entry_keys(&e.expr, var, out)),
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => {}
    }
}

fn entry_keys(e: &EntryExpr, var: &str, out: &mut Vec<String>) {
    match e {
        EntryExpr::StructField(f) => map_keys(&f.value, var, out),
        EntryExpr::MapEntry(m) => {
            map_keys(&m.key, var, out);
            map_keys(&m.value, var, out);
        }
    }
}
