//! Skynet: a 10-ary tree of 1,000,000 leaf tasks; each leaf sends its number,
//! each node sums its children over a rendezvous channel. Prints 499999500000.
//! Nodes are resumable tasks (state machines with no stack of their own),
//! the way the Python VM's tasklets run.
//! Usage: skynet [leaves=1000000] [workers=all]

use weft_scheduler::{
    Builder, Channel, Context, RecvStart, RecvWait, Resumable, SendStart, SendWait, Step,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let leaves: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut b = Builder::new();
    if let Some(w) = args.next().and_then(|a| a.parse().ok()) {
        b = b.workers(w);
    }
    let rt = b.build();
    let t0 = std::time::Instant::now();
    let sum = skynet(&rt, leaves);
    println!("{sum}");
    eprintln!("skynet: {leaves} leaves in {:?}", t0.elapsed());
}

/// Run the tree and return the root's sum.
pub fn skynet(rt: &weft_scheduler::Runtime, leaves: u64) -> u64 {
    let root = Channel::new();
    rt.spawn_resumable(Node::new(0, leaves, root.clone()));
    root.recv().unwrap()
}

enum State {
    Start,
    Collect {
        from: Channel<u64>,
        left: u32,
        sum: u64,
        wait: Option<RecvWait<u64>>,
    },
    Report {
        wait: SendWait<u64>,
    },
}

pub struct Node {
    num: u64,
    size: u64,
    parent: Channel<u64>,
    state: State,
}

impl Node {
    pub fn new(num: u64, size: u64, parent: Channel<u64>) -> Self {
        Node {
            num,
            size,
            parent,
            state: State::Start,
        }
    }

    fn report(&mut self, value: u64, cx: &mut Context<'_>) -> Step {
        match self.parent.send_or_register(value, cx.handle()) {
            SendStart::Sent { .. } => Step::Done,
            SendStart::Wait(wait) => {
                self.state = State::Report { wait };
                Step::Parked
            }
            SendStart::Closed(_) => Step::Done,
        }
    }
}

impl Resumable for Node {
    fn resume(&mut self, cx: &mut Context<'_>) -> Step {
        match &mut self.state {
            State::Start if self.size == 1 => self.report(self.num, cx),
            State::Start => {
                let from = Channel::new();
                let child = self.size / 10;
                for i in 0..10 {
                    weft_scheduler::spawn_resumable(Node::new(
                        self.num + i * child,
                        child,
                        from.clone(),
                    ));
                }
                self.state = State::Collect {
                    from,
                    left: 10,
                    sum: 0,
                    wait: None,
                };
                self.resume(cx)
            }
            State::Collect {
                from,
                left,
                sum,
                wait,
            } => {
                while *left > 0 {
                    let got = match wait.take() {
                        Some(w) => match w.poll() {
                            Some(v) => v,
                            None => {
                                *wait = Some(w);
                                return Step::Parked;
                            }
                        },
                        None => match from.recv_or_register(cx.handle()) {
                            RecvStart::Received { value, .. } => value,
                            RecvStart::Wait(w) => {
                                *wait = Some(w);
                                return Step::Parked;
                            }
                        },
                    };
                    *sum += got.unwrap_or(0);
                    *left -= 1;
                }
                let s = *sum;
                self.report(s, cx)
            }
            State::Report { wait } => {
                if wait.poll() {
                    Step::Done
                } else {
                    Step::Parked
                }
            }
        }
    }
}
