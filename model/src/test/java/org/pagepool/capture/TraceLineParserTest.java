// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each tracer's prefix layout and each kernel's event format, read into the same events; bad lines named precisely. */
class TraceLineParserTest {
    private static List<String> parse(String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        TraceLineParser parser = new TraceLineParser("t.txt", sink);
        LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.txt");
        ByteLine line = new ByteLine();
        while (reader.next(line)) {
            parser.parse(line);
        }
        return sink.events;
    }

    private static String error(String text) {
        try {
            parse(text);
        } catch (CaptureException e) {
            return e.located();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for: " + text);
    }

    @Test
    void tracefsWithFiveFlagsV514() throws Exception {
        assertThat(parse("          <idle>-0       [002] ..s1.   100.000003: page_pool_state_hold: "
                + "page_pool=00000000c0ffee01 page=000000005a5a0004 pfn=0x1003 hold=4\n"))
                .containsExactly("hold 100000003000 cpu2 c0ffee01 pfn 1003 4");
    }

    @Test
    void tracefsWithFourFlagsAndACommWithSpaces() throws Exception {
        assertThat(parse(" Player Aud Mixe-146     [001] ..s1    50.250000: page_pool_state_release: "
                + "page_pool=00000000deadbe01 page=00000000abcd0001 pfn=0x1000 release=1"))
                .containsExactly("release 50250000000 cpu1 deadbe01 pfn 1000 1");
    }

    @Test
    void tracefsWithTgidColumnAndNoFlags() throws Exception {
        assertThat(parse("     kworker/2:1-88      (     88) [002]   112.000000: page_pool_release: "
                + "page_pool=00000000c0ffee01 inflight=2 hold=4 release=2 cnt=3"))
                .containsExactly("shutdown 112000000000 c0ffee01 inflight=2 hold=4 release=2 cnt=3");
    }

    @Test
    void traceCmdReportWithNetmemAsDecimal() throws Exception {
        assertThat(parse("          <idle>-0     [001]  2000.000001: page_pool_state_hold: "
                + "page_pool=0xffff888104a3c000 netmem=18446719884523880512 pfn=0x10a001 hold=2"))
                .containsExactly("hold 2000000001000 cpu1 ffff888104a3c000 pfn 10a001 2");
    }

    @Test
    void perfScriptWithSystemPrefixNanosecondsAndTheNetIovComma() throws Exception {
        assertThat(parse("         swapper     0 [003]  3000.000000001:   page_pool:page_pool_state_hold: "
                + "page_pool=0xffff88810a2b3000 netmem=0xffffea00082c0000 is_net_iov=0, pfn=0x20b000 hold=1"))
                .containsExactly("hold 3000000000001 cpu3 ffff88810a2b3000 pfn 20b000 1");
    }

    @Test
    void perfScriptWithPidSlashTid() throws Exception {
        assertThat(parse("     irq/45-eth0   611/611   [003]  3000.000000005:   page_pool:page_pool_state_release: "
                + "page_pool=0xffff88810a2b3000 netmem=0xffffea00082c0000 is_net_iov=0 pfn=0x20b000 release=7"))
                .containsExactly("release 3000000000005 cpu3 ffff88810a2b3000 pfn 20b000 7");
    }

    @Test
    void aNetIovIsKnownByItsNetmemAddressNotItsZeroPfn() throws Exception {
        assertThat(parse("x-1 [000] 1.000000: page_pool_state_hold: page_pool=0xff netmem=0xffff8881deadbe01 "
                + "is_net_iov=1, pfn=0x0 hold=5"))
                .containsExactly("hold 1000000000 cpu0 ff addr ffff8881deadbe01 5");
    }

    @Test
    void olderKernelsPrintedThePfnInDecimal() throws Exception {
        assertThat(parse("<idle>-0 [000] ..s1 50.000001: page_pool_state_hold: page_pool=00000000deadbe01 "
                + "page=00000000abcd0002 pfn=4097 hold=2"))
                .containsExactly("hold 50000001000 cpu0 deadbe01 pfn 1001 2");
    }

    @Test
    void theFirstKernelsPrintedNoPfnAndCalledTheShutdownEventInflight() throws Exception {
        assertThat(parse("<idle>-0 [001] ..s1 10.400000: page_pool_state_release: page_pool=00000000feed0001 "
                + "page=00000000abcd1001 release=1\n"
                + "kworker/1:0-20 [001] .... 11.000000: page_pool_inflight: page_pool=00000000feed0001 inflight=1 "
                + "hold=2 release=1\n"))
                .containsExactly("release 10400000000 cpu1 feed0001 addr abcd1001 1",
                        "shutdown 11000000000 feed0001 inflight=1 hold=2 release=1 cnt=-1");
    }

    @Test
    void updateNidAndStalledAndNullPointers() throws Exception {
        assertThat(parse("a-1 [000] 1.5: page_pool_update_nid: page_pool=(null) pool_nid=-1 new_nid=1\n"
                + "k-2 [001] 2.5: page_pool_release_stalled: page_pool=0xab id=51 inflight=4032 sec=26825\n"))
                .containsExactly("nid 1500000000 0 -1->1", "stalled 2500000000 ab id=51 inflight=4032 sec=26825");
    }

    @Test
    void lostEventsInBothSpellings() throws Exception {
        assertThat(parse("CPU:2 [LOST 1234 EVENTS]\nCPU:3 [17 EVENTS DROPPED]\n"))
                .containsExactly("lost cpu2 1234", "lost cpu3 17");
    }

    @Test
    void otherEventsHeadersFunctionTracesAndUnknownPagePoolEventsAreSkipped() throws Exception {
        assertThat(parse("# tracer: function\ncpus=4\n"
                + "bash-1 [000] .... 1.0: sched_switch: prev_comm=page_pool_x prev_pid=1\n"
                + "<idle>-0 [000] ..s1 2.0: page_pool_alloc_pages <-mlx5e_alloc_rx_wqe\n"
                + "<idle>-0 [000] ..s1 3.0: page_pool_future_event: page_pool=0x1 whatever=2\n\n"))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a-1 [000] 1.0: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3 hold=12x"
            + "|t.txt:1: page_pool_state_hold: hold=\"12x\" is not a whole number",
        "a-1 [000] 1.0: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3"
            + "|t.txt:1: page_pool_state_hold: no hold= (expected page_pool=%p page=%p pfn=0x%lx hold=%u)",
        "a-1 [000] 1.0: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3 hold=4294967296"
            + "|t.txt:1: page_pool_state_hold: hold=\"4294967296\" is larger than 4294967295",
        "a-1 [000] 1.0: page_pool_state_release: page_pool=zz page=0x2 pfn=0x3 release=1"
            + "|t.txt:1: page_pool_state_release: page_pool=\"zz\" is not a pointer",
        "a-1 [000] 1.0: page_pool_state_release: page_pool=0x1 pfn=0xg release=1"
            + "|t.txt:1: page_pool_state_release: pfn=\"0xg\" is not a hexadecimal number",
        "a-1 [000] 1.0: page_pool_state_release: page_pool=0x1 release=1"
            + "|t.txt:1: page_pool_state_release: no pfn= (expected page_pool=%p page=%p pfn=0x%lx release=%u)",
        "a-1 [000] 1.0: page_pool_release: page_pool=0x1 inflight=-x hold=1 release=1 cnt=1"
            + "|t.txt:1: page_pool_release: inflight=\"-x\" is not a whole number",
        "a-1 [000] 123456789: page_pool_update_nid: page_pool=0x1 pool_nid=0 new_nid=1"
            + "|t.txt:1: page_pool_update_nid: timestamp \"123456789\" has no fraction of a second (record with a"
            + " clock in seconds: trace_clock local, global, mono or boot)",
        "a-1 [000] x: page_pool_update_nid: page_pool=0x1 pool_nid=0 new_nid=1"
            + "|t.txt:1: page_pool_update_nid: no timestamp before the event (expected \"TASK-PID [CPU] SECONDS:"
            + " page_pool_update_nid: ...\")",
    })
    void aBadEventIsAnErrorOnItsLine(String line, String message) {
        assertThat(error(line)).isEqualTo(message);
    }

    @Test
    void theErrorNamesTheRightLine() {
        assertThat(error("# tracer: nop\n\nx-1 [0] 1.0: page_pool_state_hold: page_pool=0x1 pfn=0x2 hold=\n"))
                .isEqualTo("t.txt:3: page_pool_state_hold: hold=\"\" is empty");
    }
}
