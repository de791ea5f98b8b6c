//! Expressions: literals (with constant folding of literal tuples and
//! negated numbers), names, attributes, subscripts, operators, boolean
//! short-circuits, chained comparisons, conditionals, `:=`, `yield`.

use super::call::Display;
use super::codegen::{CResult, Compiler, Ctx};
use super::unit::Const;
use crate::bytecode::{BinOp, CmpOp, Op};
use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{self as ast, Expr, Number};
use ruff_text_size::Ranged;

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn big_const(b: BigInt) -> Const {
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(i) => Const::Int(i),
        None => Const::Big(b),
    }
}

/// The value of an integer literal (decimal, hex, octal, binary; any size).
pub(crate) fn int_const(i: &ast::Int) -> Option<Const> {
    if let Some(v) = i.as_i64() {
        return Some(Const::Int(v));
    }
    let text: String = i.to_string().chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
    let (digits, radix) = match text.get(..2) {
        Some("0x") => (&text[2..], 16),
        Some("0o") => (&text[2..], 8),
        Some("0b") => (&text[2..], 2),
        _ => (&text[..], 10),
    };
    BigInt::from_str_radix(digits, radix).ok().map(big_const)
}

impl<'a> Compiler<'a> {
    /// The constant an expression denotes, if it is a literal (or a tuple
    /// of literals).
    pub fn const_of(&self, e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NoneLiteral(_) => Const::None,
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => int_const(i)?,
                Number::Float(f) => Const::Float(*f),
                Number::Complex { .. } => return None,
            },
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect()),
            Expr::Tuple(t) => Const::Tuple(t.elts.iter().map(|x| self.const_of(x)).collect::<Option<Vec<_>>>()?),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match self.const_of(&u.operand)? {
                Const::Int(i) => match i.checked_neg() {
                    Some(n) => Const::Int(n),
                    None => big_const(-BigInt::from(i)),
                },
                Const::Big(b) => big_const(-b),
                Const::Float(f) => Const::Float(-f),
                _ => return None,
            },
            _ => return None,
        })
    }

    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let old = self.set_line(e.range());
        let r = self.expr_inner(e);
        self.u().cur_line = old;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.const_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::NumberLiteral(n) => match n.value {
                Number::Complex { real, imag } => {
                    // `2j`: a call of the builtin complex type (kept under a
                    // name user code does not shadow)
                    self.emit_name(Op::LoadGlobal, "__weft_complex__");
                    self.load_const(Const::Float(real));
                    self.load_const(Const::Float(imag));
                    self.emit(Op::Call, 2);
                    Ok(())
                }
                _ => Err(self.err(n.range, "invalid number literal")),
            },
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(Const::Bool(true));
                } else {
                    self.name_op(n.id.as_str(), Ctx::Load);
                }
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangled(a.attr.as_str());
                self.emit_name(Op::LoadAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
                Ok(())
            }
            Expr::BoolOp(b) => self.bool_op(b),
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, binop(b.op) as u32);
                Ok(())
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Lambda(l) => self.lambda(l),
            Expr::If(i) => {
                let (orelse, end) = (self.new_label(), self.new_label());
                self.expr(&i.test)?;
                self.emit_jump(Op::PopJumpIfFalse, orelse);
                self.expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(d) => self.dict_display(d),
            Expr::Set(s) => self.display(&s.elts, Display::Set),
            Expr::List(l) => self.display(&l.elts, Display::List),
            Expr::Tuple(t) => self.display(&t.elts, Display::Tuple),
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => self.comprehension(e),
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.emit_await();
                Ok(())
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                if self.u().flags & crate::bytecode::flags::ASYNC_GENERATOR != 0 {
                    self.emit_name(Op::LoadGlobal, "__weft_agen_wrap__");
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::YieldValue, 0);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Const::None);
                self.emit(Op::YieldFrom, 0);
                Ok(())
            }
            Expr::Compare(c) => self.compare(c),
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f),
            Expr::TString(t) => Err(self.err(t.range, "weft does not support template strings")),
            Expr::Slice(s) => self.slice(s),
            Expr::Starred(s) => Err(self.err(s.range, "can't use starred expression here")),
            Expr::IpyEscapeCommand(c) => Err(self.err(c.range, "invalid syntax")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Err(self.err(e.range(), "invalid literal")),
        }
    }

    fn bool_op(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let end = self.new_label();
        let op = match b.op {
            ast::BoolOp::And => Op::JumpIfFalseOrPop,
            ast::BoolOp::Or => Op::JumpIfTrueOrPop,
        };
        let n = b.values.len();
        for (i, v) in b.values.iter().enumerate() {
            self.expr(v)?;
            if i + 1 < n {
                self.emit_jump(op, end);
            }
        }
        self.bind(end);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::CompareOp, CmpOp::Eq as u32),
            C::NotEq => self.emit(Op::CompareOp, CmpOp::Ne as u32),
            C::Lt => self.emit(Op::CompareOp, CmpOp::Lt as u32),
            C::LtE => self.emit(Op::CompareOp, CmpOp::Le as u32),
            C::Gt => self.emit(Op::CompareOp, CmpOp::Gt as u32),
            C::GtE => self.emit(Op::CompareOp, CmpOp::Ge as u32),
            C::Is => self.emit(Op::IsOp, 0),
            C::IsNot => self.emit(Op::IsOp, 1),
            C::In => self.emit(Op::ContainsOp, 0),
            C::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let (cleanup, end) = (self.new_label(), self.new_label());
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.cmp_op(c.ops[i]);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.cmp_op(c.ops[n - 1]);
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }
}
