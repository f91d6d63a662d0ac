"""spaCy pipeline components, in pipeline order (training/configs/sec_events_sm.cfg)."""
