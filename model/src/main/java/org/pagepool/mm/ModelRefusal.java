// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

/**
 * Thrown where the kernel would corrupt memory (a double free, a put of a page
 * that sits in the alloc cache, a use of a freed pool): the model refuses
 * instead, before changing any state.
 */
public class ModelRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelRefusal(String message) {
        super(message, null, false, false);
    }
}
