//! The opcode table: every instruction is defined here once — name, operand
//! meaning, stack effect and a one-line meaning. The `Op` enum, the names used
//! by the disassembler and serializer, and the stack-depth computation all
//! come from this table.
//!
//! Stack notation: `a, b -> c` means pop `b` (top) then `a`, push `c`.
//! Jump targets are absolute instruction indices.

macro_rules! opcodes {
    ($($name:ident, $operand:literal, $effect:expr, $doc:literal;)*) => {
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        pub enum Op { $(#[doc = $doc] $name,)* }

        pub const OP_COUNT: usize = [$(Op::$name),*].len();
        const ALL_OPS: [Op; OP_COUNT] = [$(Op::$name),*];

        impl Op {
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }
            /// What the operand means (for the disassembler); "" if unused.
            pub fn operand(self) -> &'static str {
                match self { $(Op::$name => $operand,)* }
            }
            pub fn doc(self) -> &'static str {
                match self { $(Op::$name => $doc,)* }
            }
            /// Net stack effect of executing with operand `arg` (for jumps,
            /// the effect on the fall-through path).
            pub fn stack_effect(self, arg: u32) -> i32 {
                let a = arg as i32;
                let _ = a;
                match self { $(Op::$name => { let f: fn(i32) -> i32 = $effect; f(a) })* }
            }
            pub fn from_u8(b: u8) -> Option<Op> {
                ALL_OPS.get(b as usize).copied()
            }
        }
    };
}

opcodes! {
    Nop, "", |_| 0, "Does nothing.";
    PopTop, "", |_| -1, "a -> (discard a)";
    Copy, "i", |_| 1, "Push a copy of the i-th item from the top (1 = top).";
    Swap, "i", |_| 0, "Swap the top with the i-th item from the top (i >= 2).";
    LoadConst, "const", |_| 1, "-> consts[i]";
    LoadFast, "local", |_| 1, "-> locals[i]; UnboundLocalError if unbound.";
    LoadFastAttr, "local", |_| 1, "LoadFast fused with the LoadAttr after it (see `fuse_pairs`): when the attribute is a plain instance's, -> locals[i].name and both are done; else just LoadFast.";
    LoadFastStoreAttr, "local", |_| 1, "LoadFast fused with the StoreAttr after it: v -> with locals[i].name = v on a plain instance; else just LoadFast.";
    LoadFastIndex, "local", |_| 1, "LoadFast fused with the LoadConst and BinarySubscr after it: -> locals[i][const] for a list/tuple and an in-range int; else just LoadFast.";
    StoreFast, "local", |_| -1, "v -> ; locals[i] = v";
    DeleteFast, "local", |_| 0, "Unbind locals[i]; UnboundLocalError if unbound.";
    LoadDeref, "cell", |_| 1, "-> contents of cell i (cellvars then freevars); NameError/UnboundLocalError if empty.";
    StoreDeref, "cell", |_| -1, "v -> ; cell i = v";
    DeleteDeref, "cell", |_| 0, "Empty cell i.";
    LoadClosure, "cell", |_| 1, "-> the cell object i itself (to build a closure tuple).";
    LoadClassDeref, "cell", |_| 1, "Class body: -> locals-dict[name of cell i] if present, else the cell's contents.";
    LoadName, "name", |_| 1, "-> locals-dict/globals/builtins lookup of names[i]; NameError.";
    StoreName, "name", |_| -1, "v -> ; locals-dict[names[i]] = v (module: globals).";
    DeleteName, "name", |_| 0, "del locals-dict[names[i]]; NameError.";
    LoadGlobal, "name", |_| 1, "-> globals/builtins lookup of names[i]; NameError.";
    StoreGlobal, "name", |_| -1, "v -> ; globals[names[i]] = v";
    DeleteGlobal, "name", |_| 0, "del globals[names[i]]; NameError.";
    LoadAttr, "name", |_| 0, "obj -> obj.names[i]";
    StoreAttr, "name", |_| -2, "v, obj -> ; obj.names[i] = v";
    DeleteAttr, "name", |_| -1, "obj -> ; del obj.names[i]";
    LoadMethod, "name", |_| 1, "obj -> meth, obj  (unbound function found on the type) or  attr, NULL.";
    CallMethod, "argc", |a| -a - 1, "meth, self_or_null, arg1..argN -> result";
    CallMethodKw, "argc", |a| -a - 2, "meth, self_or_null, arg1..argN, kwnames -> result; the last len(kwnames) args are keywords.";
    Call, "argc", |a| -a, "f, arg1..argN -> f(args)";
    CallKw, "argc", |a| -a - 1, "f, arg1..argN, kwnames -> result; the last len(kwnames) args are keywords (kwnames: a const tuple of str).";
    CallEx, "has_kwargs", |a| -1 - a, "f, args_tuple[, kwargs_dict] -> f(*args, **kwargs)";
    BinarySubscr, "", |_| -1, "container, key -> container[key]";
    StoreSubscr, "", |_| -3, "v, container, key -> ; container[key] = v";
    DeleteSubscr, "", |_| -2, "container, key -> ; del container[key]";
    BuildSlice, "n (2|3)", |a| 1 - a, "start, stop[, step] -> slice";
    BinaryOp, "binop", |_| -1, "a, b -> a <op> b; see BinOp (in-place variants try __iop__ first).";
    UnaryNegative, "", |_| 0, "a -> -a";
    UnaryPositive, "", |_| 0, "a -> +a";
    UnaryNot, "", |_| 0, "a -> not a";
    UnaryInvert, "", |_| 0, "a -> ~a";
    CompareOp, "cmp", |_| -1, "a, b -> a <cmp> b; cmp: 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=";
    IsOp, "invert", |_| -1, "a, b -> a is b (or is not when arg = 1)";
    ContainsOp, "invert", |_| -1, "a, b -> a in b (or not in when arg = 1)";
    Jump, "target", |_| 0, "Jump to target.";
    PopJumpIfFalse, "target", |_| -1, "v -> ; jump if not v";
    PopJumpIfTrue, "target", |_| -1, "v -> ; jump if v";
    JumpIfFalseOrPop, "target", |_| -1, "v -> v (and jump) if not v, else pop.";
    JumpIfTrueOrPop, "target", |_| -1, "v -> v (and jump) if v, else pop.";
    GetIter, "", |_| 0, "obj -> iter(obj)";
    ForIter, "target", |_| 1, "it -> it, next(it); on exhaustion pop it and jump to target.";
    BuildTuple, "n", |a| 1 - a, "v1..vN -> (v1, ..., vN)";
    BuildList, "n", |a| 1 - a, "v1..vN -> [v1, ..., vN]";
    BuildSet, "n", |a| 1 - a, "v1..vN -> {v1, ..., vN}";
    BuildMap, "n", |a| 1 - 2 * a, "k1, v1, ..., kN, vN -> {k1: v1, ...}";
    BuildString, "n", |a| 1 - a, "s1..sN -> s1 + ... + sN (all str)";
    ListAppend, "i", |_| -1, "v -> ; stack[-i] (after popping v) .append(v)";
    SetAdd, "i", |_| -1, "v -> ; stack[-i].add(v)";
    MapAdd, "i", |_| -2, "k, v -> ; stack[-i][k] = v";
    ListExtend, "i", |_| -1, "it -> ; stack[-i].extend(it)";
    SetUpdate, "i", |_| -1, "it -> ; stack[-i].update(it)";
    DictUpdate, "i", |_| -1, "m -> ; stack[-i].update(m)  ({**m} in displays)";
    DictMerge, "i", |_| -1, "m -> ; like DictUpdate but TypeError on a duplicate key (f(**m)).";
    ListToTuple, "", |_| 0, "list -> tuple(list)";
    UnpackSequence, "n", |a| a - 1, "seq -> vN, ..., v1 (v1 on top); ValueError on a length mismatch.";
    UnpackEx, "before | after << 8", |a| (a & 0xff) + (a >> 8), "seq -> v_last.., list_of_middle, .., v1 (v1 on top) for `a, *b, c = seq`.";
    FormatValue, "conv | 4 if spec", |a| if a & 4 != 0 { -1 } else { 0 }, "v[, spec] -> format(conv(v), spec); conv: 0 none, 1 str, 2 repr, 3 ascii";
    MakeFunction, "flags", |a| -((a & 1 != 0) as i32) - ((a & 2 != 0) as i32) - ((a & 4 != 0) as i32) - ((a & 8 != 0) as i32), "[defaults_tuple if 1], [kwdefaults_dict if 2], [annotations_dict if 4], [closure_tuple if 8], code -> function";
    ReturnValue, "", |_| -1, "v -> ; return v from the frame.";
    YieldValue, "", |_| 0, "v -> sent; suspend the generator yielding v; resumes with the sent value pushed.";
    GetYieldFromIter, "", |_| 0, "obj -> iterator (generators pass through) for `yield from`.";
    YieldFrom, "", |_| -1, "subiter, sent -> result; delegate: send `sent` to subiter; if it yields, the frame yields that value and re-executes this instruction when resumed (with the new sent value replacing TOS); when it returns r, pop both and push r.";
    SetupFinally, "target", |_| 0, "Push a handler block: on an exception, truncate the stack to its depth now, push the exception, jump to target.";
    PopBlock, "", |_| 0, "Pop the innermost handler block.";
    PushExcInfo, "", |_| 1, "exc -> prev_handled, exc; make exc the handled exception (sys.exc_info, implicit __context__).";
    PopExcept, "", |_| -1, "prev_handled -> ; restore the handled exception.";
    Reraise, "", |_| -1, "exc -> ; re-raise exc without adding a traceback entry for this frame.";
    RaiseVarargs, "n", |a| -a, "n=0: re-raise the handled exception; 1: exc -> raise exc; 2: exc, cause -> raise exc from cause.";
    CheckExcMatch, "", |_| 0, "exc, type -> exc, bool(isinstance(exc, type)) (type may be a tuple).";
    BeforeWith, "", |_| 1, "mgr -> exit_bound, mgr.__enter__()";
    WithExceptStart, "", |_| 1, "exit_bound, prev, exc -> exit_bound, prev, exc, exit_bound(type(exc), exc, tb)";
    LoadBuildClass, "", |_| 1, "-> builtins.__build_class__";
    ImportName, "name", |_| -1, "level, fromlist -> module (names[i] is the dotted name).";
    ImportFrom, "name", |_| 1, "module -> module, module.names[i] (or the submodule); ImportError.";
    ImportStar, "", |_| -1, "module -> ; copy public names (or __all__) into the current namespace.";
    LoadAssertionError, "", |_| 1, "-> AssertionError";
    MatchClass, "count", |_| -2, "subject, cls, kwnames -> tuple of extracted attributes (count positional via __match_args__, then kwnames) or None.";
    MatchMapping, "", |_| 1, "subject -> subject, is_mapping";
    MatchSequence, "", |_| 1, "subject -> subject, is_sequence (not str/bytes/bytearray)";
    MatchKeys, "", |_| 1, "subject, keys_tuple -> subject, keys_tuple, values_tuple or None";
    GetLen, "", |_| 1, "obj -> obj, len(obj)";
    CopyDictWithoutKeys, "", |_| 0, "subject, keys_tuple -> subject, dict(subject) without keys";
    SetupAnnotations, "", |_| 0, "Ensure __annotations__ exists in the locals dict.";
    JumpIfNotExcMatch, "target", |_| -2, "exc, type -> ; jump to target unless isinstance(exc, type). (Reserved; the compiler uses CheckExcMatch.)";
    PopIter, "", |_| -1, "it -> ; a `for` loop left early (break/return) drops its iterator, then runs the finalizers of generators that freed.";
}

/// Binary operators (`BinaryOp` operand). `INPLACE` is added for `+=` etc.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

pub const BINOP_INPLACE: u32 = 16;

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    pub fn from_arg(arg: u32) -> Option<(BinOp, bool)> {
        let inplace = arg & BINOP_INPLACE != 0;
        BinOp::ALL.get((arg & !BINOP_INPLACE) as usize).map(|op| (*op, inplace))
    }
    pub fn symbol(self) -> &'static str {
        ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"][self as usize]
    }
    /// (`__op__`, `__rop__`, `__iop__`)
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// Comparison operators (`CompareOp` operand).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_arg(arg: u32) -> Option<CmpOp> {
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge].get(arg as usize).copied()
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    /// (`__op__`, reflected `__op__`)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// `MakeFunction` flags.
pub mod make_fn {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}
