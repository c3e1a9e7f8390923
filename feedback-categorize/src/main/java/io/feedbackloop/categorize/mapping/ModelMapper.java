package io.feedbackloop.categorize.mapping;

import io.feedbackloop.categorize.api.ModelView;
import io.feedbackloop.categorize.model.TrainedModelRecord;

/** A trained model as the model API shows it: without its parameters. */
public final class ModelMapper {

    private ModelMapper() {
    }

    public static ModelView toView(TrainedModelRecord model) {
        return new ModelView(model.version, model.trainedAt, model.examples, model.evaluation);
    }
}
