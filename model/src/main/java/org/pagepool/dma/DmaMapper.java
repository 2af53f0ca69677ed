// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.dma;

import org.pagepool.mm.PageRef;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Tracer;

/**
 * The DMA API as page_pool uses it: map, unmap and sync-for-device, with
 * counts and injectable mapping failures. Addresses are the pages' physical
 * addresses, {@code page_to_phys()} (no IOMMU translation is modelled; the
 * IOMMU only changes costs), so a page's DMA address is a function of its frame.
 * Single-threaded.
 */
public final class DmaMapper {
    /** {@code DMA_MAPPING_ERROR}. */
    public static final long DMA_MAPPING_ERROR = ~0L;
    public static final int PAGE_SHIFT = PageRef.PAGE_SHIFT;

    private final Tracer tracer;
    private int failMaps;
    private long mapped;
    private long maps;
    private long unmaps;
    private long syncs;
    private boolean iommu;

    public DmaMapper(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A copy for a model snapshot, reporting to {@code copiedTracer}. */
    public DmaMapper copy(Tracer copiedTracer) {
        DmaMapper c = new DmaMapper(copiedTracer);
        c.failMaps = failMaps;
        c.mapped = mapped;
        c.maps = maps;
        c.unmaps = unmaps;
        c.syncs = syncs;
        c.iommu = iommu;
        return c;
    }

    /** The next {@code count} map calls fail ({@code dma_mapping_error()} is true). */
    public void failNextMaps(int count) {
        failMaps = count;
    }

    public int pendingMapFailures() {
        return failMaps;
    }

    /** {@code dma_map_page_attrs()}: the bus address, or {@link #DMA_MAPPING_ERROR}. */
    public long mapPageAttrs(int page, long offset, long size, DmaDirection dir) {
        tracer.enter(KernelFunction.DMA_MAP_PAGE_ATTRS);
        if (failMaps > 0) {
            failMaps--;
            return DMA_MAPPING_ERROR;
        }
        mapped++;
        maps++;
        return PageRef.pageToPhys(page) + offset;
    }

    /** {@code dma_mapping_error()}. */
    public static boolean mappingError(long dma) {
        return dma == DMA_MAPPING_ERROR;
    }

    /** {@code dma_unmap_page_attrs()}. */
    public void unmapPageAttrs(long dma, long size, DmaDirection dir) {
        tracer.enter(KernelFunction.DMA_UNMAP_PAGE_ATTRS);
        mapped--;
        unmaps++;
    }

    /** {@code dma_sync_single_range_for_device()}. */
    public void syncSingleRangeForDevice(long dma, long offset, long size, DmaDirection dir) {
        tracer.enter(KernelFunction.DMA_SYNC_SINGLE_RANGE_FOR_DEVICE);
        syncs++;
    }

    /** Syncs made elsewhere while the NIC's queues ran on threads of their own, counted now. */
    public void addSyncs(long n) {
        syncs += n;
    }

    /** Mappings made minus mappings undone, over the whole run. */
    public long mapped() {
        return mapped;
    }

    public long maps() {
        return maps;
    }

    public long unmaps() {
        return unmaps;
    }

    /** {@code dma_sync_single_range_for_device()} calls over the whole run. */
    public long syncs() {
        return syncs;
    }

    /** Whether an IOMMU translates DMA: no effect on behaviour, only on the cost model. */
    public boolean iommu() {
        return iommu;
    }

    public void setIommu(boolean on) {
        iommu = on;
    }
}
