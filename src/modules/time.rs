//! The `time` module: wall clock, monotonic and performance counters,
//! sleep, and UTC `gmtime`/`strftime` basics.

use crate::builtins::args::*;
use crate::object::{Args, Payload};
use crate::pvm::exc::{type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    epoch();
    Ok(super::module_with(
        "_time",
        &[
            ("time", "time.time", time),
            ("time_ns", "time.time_ns", time_ns),
            ("monotonic", "time.monotonic", monotonic),
            ("monotonic_ns", "time.monotonic_ns", monotonic_ns),
            ("perf_counter", "time.perf_counter", monotonic),
            ("perf_counter_ns", "time.perf_counter_ns", monotonic_ns),
            ("process_time", "time.process_time", monotonic),
            ("process_time_ns", "time.process_time_ns", monotonic_ns),
            ("sleep", "time.sleep", sleep),
            ("gmtime", "time.gmtime", gmtime),
            ("localtime", "time.localtime", gmtime),
        ],
    ))
}

fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn since_epoch() -> std::time::Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn time(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("time", &a, 0, 0)?;
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("time_ns", &a, 0, 0)?;
    Ok(Value::bigint(since_epoch().as_nanos().into()))
}

fn monotonic(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("monotonic", &a, 0, 0)?;
    Ok(Value::float(epoch().elapsed().as_secs_f64()))
}

fn monotonic_ns(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("monotonic_ns", &a, 0, 0)?;
    Ok(Value::bigint(epoch().elapsed().as_nanos().into()))
}

fn seconds(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f.get()),
        _ if is_int(v) => vm.to_f64(v),
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v)))),
    }
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult {
    check_args("sleep", &a, 1, 1)?;
    let s = seconds(vm, &a.pos[0])?;
    if s.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if s > 0.0 {
        let d = std::time::Duration::from_secs_f64(s.min(1e9));
        // In a tasklet, park it on the scheduler's timers instead of
        // blocking the worker thread.
        if vm.on_coroutine {
            weft_scheduler::sleep(d);
            return Ok(Value::None);
        }
        if vm.can_suspend() {
            if let Some(me) = weft_scheduler::current_task() {
                let timer = weft_scheduler::wake_at(std::time::Instant::now() + d, me);
                vm.pending = Some(crate::runtime::Pending::Sleep(timer));
                return Err(crate::pvm::PyErr::suspend());
            }
        }
        std::thread::sleep(d);
    }
    Ok(Value::None)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn gmtime(vm: &mut Vm, a: Args) -> PyResult {
    check_args("gmtime", &a, 0, 1)?;
    let t = match a.pos.first() {
        None | Some(Value::None) => since_epoch().as_secs() as i64,
        Some(v) => seconds(vm, v)?.floor() as i64,
    };
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil(days);
    let wday = (days + 3).rem_euclid(7);
    let (jan1, _, _) = (civil_days(y, 1, 1), 0, 0);
    let yday = days - jan1 + 1;
    let items = vec![y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, wday, yday, 0];
    let _ = Payload::Ellipsis;
    Ok(Value::tuple(items.into_iter().map(Value::Int).collect()))
}

fn civil_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}
