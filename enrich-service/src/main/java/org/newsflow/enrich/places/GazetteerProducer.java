package org.newsflow.enrich.places;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One gazetteer per service, loaded at the first article that needs it. */
public class GazetteerProducer {

    @Produces
    @Singleton
    Gazetteer gazetteer() {
        return new Gazetteer();
    }
}
