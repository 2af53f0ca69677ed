// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.PropertySheet;
import org.pagepool.workload.Param;
import org.pagepool.workload.WorkloadParams;

/**
 * The workload's parameters in a ControlsFX PropertySheet, grouped by what
 * they belong to. An edit goes to the runner as a command; the sheet follows
 * the parameters the runner reports. Pool, NIC and machine settings are
 * marked as taking effect at a reload or a reset.
 */
public final class ParamSheet {
    private final PropertySheet sheet = new PropertySheet();
    private final Map<Param, Item> items = new EnumMap<>(Param.class);
    private boolean updating;

    public ParamSheet(BiConsumer<Param, Double> onEdit) {
        sheet.setId("params");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setSearchBoxVisible(false);
        sheet.setModeSwitcherVisible(false);
        List<PropertySheet.Item> list = new ArrayList<>();
        for (Param p : Param.values()) {
            Item item = new Item(p, onEdit);
            items.put(p, item);
            list.add(item);
        }
        sheet.getItems().setAll(FXCollections.observableArrayList(list));
        // Enter applies the value typed (the editors commit when they lose focus) and gives the keys
        // back to the window, so that Space and the arrows step again instead of typing into the field
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER
                    && e.getTarget() instanceof TextInputControl && sheet.getScene() != null) {
                sheet.getScene().getRoot().requestFocus();
                e.consume();
            }
        });
    }

    public PropertySheet node() {
        return sheet;
    }

    /** Follows the runner's parameters (null: a script, nothing to tune). */
    public void show(WorkloadParams params) {
        sheet.setDisable(params == null);
        if (params == null) {
            return;
        }
        updating = true;
        try {
            for (Item item : items.values()) {
                item.follow(params.get(item.param));
            }
        } finally {
            updating = false;
        }
    }

    /** One parameter as a sheet row. */
    private final class Item implements PropertySheet.Item {
        private final Param param;
        private final BiConsumer<Param, Double> onEdit;
        private final SimpleObjectProperty<Object> value = new SimpleObjectProperty<>();
        /** The value the runner reported last: an editor echoing it back is not an edit. */
        private Object known;

        Item(Param param, BiConsumer<Param, Double> onEdit) {
            this.param = param;
            this.onEdit = onEdit;
            known = typed(param.defaultValue());
            value.set(known);
        }

        private Object typed(double v) {
            if (param.unit() == Param.Unit.BOOLEAN) {
                return v != 0;
            }
            if (param.integral()) {
                return (long) v;
            }
            return v;
        }

        void follow(double v) {
            Object typed = typed(v);
            known = typed;
            if (!typed.equals(value.get())) {
                value.set(typed);
            }
        }

        @Override
        public Class<?> getType() {
            return param.unit() == Param.Unit.BOOLEAN ? Boolean.class : param.integral() ? Long.class : Double.class;
        }

        @Override
        public String getCategory() {
            return param.category();
        }

        @Override
        public String getName() {
            return param.key();
        }

        @Override
        public String getDescription() {
            String when = param.scope() == Param.Scope.LIVE ? "" : param.scope() == Param.Scope.RELOAD
                    ? " (takes effect at the next driver reload)" : " (takes effect at the next reset)";
            return param.description() + " [" + param.format(param.min()) + ".." + param.format(param.max()) + "]"
                    + when;
        }

        @Override
        public Object getValue() {
            return value.get();
        }

        @Override
        public void setValue(Object v) {
            if (v == null) {
                return;
            }
            double d = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
            Object typed = typed(d);
            value.set(typed);
            if (!updating && !typed.equals(known)) {
                onEdit.accept(param, d);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(value);
        }
    }
}
