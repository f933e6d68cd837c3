import '@mantine/core/styles/Stepper.css';
import { Stack, Stepper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STEPS, type StepKey } from '../model/steps';
import classes from './WizardFrame.module.css';

export interface WizardFrameProps {
  active: StepKey;
  reachable: (step: StepKey) => boolean;
  onStep?: (step: StepKey) => void;
  title: string;
  children: ReactNode;
}

export function WizardFrame({ active, reachable, onStep, title, children }: WizardFrameProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" className={classes.root}>
      <Title order={2}>{title}</Title>
      <Stepper
        active={STEPS.indexOf(active)}
        onStepClick={(i) => {
          const s = STEPS[i];
          if (s && reachable(s)) onStep?.(s);
        }}
        size="sm"
        wrap
        aria-label={t('wizard.stepsLabel')}
      >
        {STEPS.map((s) => (
          <Stepper.Step
            key={s}
            label={t(`wizard.step.${s}`)}
            allowStepSelect={reachable(s) && s !== active}
          />
        ))}
      </Stepper>
      {children}
    </Stack>
  );
}
